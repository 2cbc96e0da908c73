import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { FOUND_TTL_MS, openWikipediaCache } from './cache';
import type { SearchCandidate } from './types';

let dbCount = 0;
const candidate = (title: string): SearchCandidate => ({ key: title.replace(/ /g, '_'), title, description: null, excerpt: null });

describe('openWikipediaCache', () => {
  it('keeps an answer until it expires', async () => {
    let clock = 1_000;
    const cache = await openWikipediaCache({ name: `cache-test-${++dbCount}`, now: () => clock });
    await cache.putSearch('en', 'Kherson', [candidate('Kherson')]);
    expect(await cache.getSearch('en', 'kherson')).toEqual([candidate('Kherson')]);
    clock += FOUND_TTL_MS;
    expect(await cache.getSearch('en', 'Kherson')).toBeUndefined();
    cache.close();
  });

  it('stays within its bound, dropping the answers closest to expiring first', async () => {
    let clock = 1_000;
    const name = `cache-test-${++dbCount}`;
    const cache = await openWikipediaCache({ name, now: () => clock, maxEntries: 150 });
    for (let i = 0; i < 250; i++) {
      clock++;
      await cache.putSearch('en', `Name ${i}`, [candidate(`Title ${i}`)]);
    }
    cache.close();
    // Trimmed to 150 after the 200th answer, and again when the cache is next opened.
    const reopened = await openWikipediaCache({ name, now: () => clock, maxEntries: 150 });
    const kept = await Promise.all(Array.from({ length: 250 }, (_, i) => reopened.getSearch('en', `Name ${i}`)));
    expect(kept.filter(Boolean)).toHaveLength(150);
    expect(kept[0]).toBeUndefined();
    expect(kept[249]).toEqual([candidate('Title 249')]);
    reopened.close();
  });
});
