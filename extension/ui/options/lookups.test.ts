import { describe, expect, it } from 'vitest';
import { LOOKUP_DATA_COLLECTION, originPermissions, WIKIPEDIA_ORIGINS } from './lookups';

describe('originPermissions', () => {
  it("asks for and gives back Firefox's data-collection consent with the origins, in one request", async () => {
    const calls: [string, unknown][] = [];
    const api = {
      request: async (permissions: unknown) => (calls.push(['request', permissions]), true),
      remove: async (permissions: unknown) => (calls.push(['remove', permissions]), true),
      contains: async (permissions: unknown) => (calls.push(['contains', permissions]), true),
    };
    const firefox = originPermissions(api, LOOKUP_DATA_COLLECTION);
    await firefox.request(WIKIPEDIA_ORIGINS);
    await firefox.remove(WIKIPEDIA_ORIGINS);
    await firefox.contains(WIKIPEDIA_ORIGINS);
    await originPermissions(api).request(WIKIPEDIA_ORIGINS);
    expect(calls).toEqual([
      ['request', { origins: WIKIPEDIA_ORIGINS, data_collection: ['websiteContent'] }],
      ['remove', { origins: WIKIPEDIA_ORIGINS, data_collection: ['websiteContent'] }],
      ['contains', { origins: WIKIPEDIA_ORIGINS }],
      ['request', { origins: WIKIPEDIA_ORIGINS }],
    ]);
  });
});
