import type { CDPSession } from 'playwright-core';
import type { Browser } from 'puppeteer-core';

interface ExecutionContext {
  id: number;
  origin: string;
}
interface ExceptionEvent {
  exceptionDetails: { executionContextId?: number; text: string; url?: string; exception?: { description?: string } };
}
interface ConsoleEvent {
  type: string;
  executionContextId: number;
  args: { value?: unknown; description?: string }[];
}

/**
 * Collects, from a page's CDP session, the uncaught exceptions and console.error calls that come
 * from the extension: its content script runs in an isolated world whose origin is the
 * `chrome-extension://` one, so page scripts' own errors are not counted against Gloss.
 */
export async function watchExtensionErrors(cdp: CDPSession): Promise<string[]> {
  const extensionContexts = new Set<number>();
  const errors: string[] = [];
  const fromExtension = (contextId: number | undefined, url?: string): boolean =>
    (contextId !== undefined && extensionContexts.has(contextId)) || Boolean(url?.startsWith('chrome-extension://'));

  cdp.on('Runtime.executionContextCreated', ({ context }: { context: ExecutionContext }) => {
    if (context.origin.startsWith('chrome-extension://')) extensionContexts.add(context.id);
  });
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails: d }: ExceptionEvent) => {
    if (fromExtension(d.executionContextId, d.url)) errors.push(d.exception?.description ?? d.text);
  });
  cdp.on('Runtime.consoleAPICalled', (event: ConsoleEvent) => {
    if (event.type === 'error' && fromExtension(event.executionContextId))
      errors.push(event.args.map((arg) => String(arg.value ?? arg.description ?? '')).join(' '));
  });
  await cdp.send('Runtime.enable');
  return errors;
}

/**
 * Collects the uncaught errors (exceptions, rejections) of the extension's scripts in a Firefox
 * launched by puppeteer: WebDriver BiDi reports the page's realms only, but Firefox writes every
 * script error to its stderr as `JavaScript error: <url>, line N: …`, and the extension's have a
 * `moz-extension://` URL.
 */
export function watchFirefoxExtensionErrors(browser: Browser): string[] {
  const errors: string[] = [];
  let partial = '';
  browser.process()?.stderr?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('JavaScript error: moz-extension://')) errors.push(line);
  });
  return errors;
}
