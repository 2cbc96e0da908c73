/** A stand-in for `browser.permissions` in the look-ups tests. */
import type { OriginPermissions } from './lookups';

/** The browser's permission calls, answering as a reader would; records what was asked and whether it was in a click. */
export function testPermissions(answer: boolean) {
  const granted = new Set<string>();
  const calls: { call: string; origins: string[]; inClick: boolean }[] = [];
  let inClick = false;
  const permissions: OriginPermissions = {
    request: async (origins) => {
      calls.push({ call: 'request', origins, inClick });
      if (answer) origins.forEach((origin) => granted.add(origin));
      return answer;
    },
    remove: async (origins) => {
      calls.push({ call: 'remove', origins, inClick });
      origins.forEach((origin) => granted.delete(origin));
      return true;
    },
    contains: async (origins) => origins.every((origin) => granted.has(origin)),
  };
  /** Clicks `element` as the reader does: a permission asked during the click counts as in it. */
  const click = (element: HTMLElement) => {
    inClick = true;
    element.click();
    inClick = false;
  };
  return { permissions, calls, granted, click };
}
