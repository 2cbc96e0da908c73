/**
 * The browser half of `npm run demo` (scripts/demo.sh): serves the seed page on 127.0.0.1 and
 *   --open          opens Chromium with Gloss on it, for a person at a display; returns when closed;
 *   --screenshot F  headless: rests the pointer on "Mariupol" and saves the page with its popover to F.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { blockRemoteRequests, launchChromium, REPO_ROOT } from '../tests/support/browsers';
import { chromiumPopover, GLOSS_READY, locateWord } from '../tests/support/gloss-page';
import { startStaticServer } from '../tests/support/static-server';

const { values } = parseArgs({ options: { open: { type: 'boolean' }, screenshot: { type: 'string' } } });
const server = await startStaticServer(join(REPO_ROOT, 'tests', 'fixtures'));
const url = `${server.origin}/seed/page.html`;

async function openForReader(): Promise<void> {
  const browser = await launchChromium({ headless: false });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(url);
  console.log(`demo: Chromium shows ${url} with Gloss; rest the pointer on a name, or press Alt+Shift+G. Close the window to finish.`);
  await new Promise((resolve) => browser.context.on('close', resolve));
}

async function screenshotPopover(path: string): Promise<void> {
  const browser = await launchChromium();
  try {
    await blockRemoteRequests(browser.context);
    const page = await browser.context.newPage();
    await page.goto(url);
    await page.waitForSelector(GLOSS_READY, { state: 'attached', timeout: 20_000 });
    const word = await page.evaluate(locateWord, 'Mariupol');
    if (word) {
      await page.mouse.move(word.x - 20, word.y);
      await page.mouse.move(word.x, word.y, { steps: 5 });
      await page.waitForFunction(`document.querySelector('gloss-host')?.hasAttribute('data-gloss-popover')`, null, { timeout: 5_000 }).catch(() => undefined);
    }
    const popover = await chromiumPopover(page);
    await page.screenshot({ path });
    console.log(`demo: screenshot ${path} (${popover ? `popover open on ${popover.label}` : 'no popover opened on "Mariupol"'})`);
  } finally {
    await browser.close();
  }
}

try {
  if (values.open) await openForReader();
  else if (values.screenshot) await screenshotPopover(values.screenshot);
  else throw new Error('usage: tsx scripts/demo.ts --open | --screenshot FILE');
} finally {
  await server.close();
}
