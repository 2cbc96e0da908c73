import { describe, expect, it } from 'vitest';
import { compareStamps, formatStamp, parseStamp, receive, startClock, tick } from './hlc';

const HOUR = 3_600_000;

describe('hybrid logical clock', () => {
  it('follows the wall clock and counts events within one millisecond', () => {
    const first = tick(startClock('a'), 1_000);
    const second = tick(first, 1_000);
    const third = tick(second, 2_000);
    expect([first, second, third].map(({ wall, counter }) => [wall, counter])).toEqual([
      [1_000, 0],
      [1_000, 1],
      [2_000, 0],
    ]);
  });

  it('never goes backwards when the wall clock does', () => {
    const late = tick(startClock('a'), 5_000);
    const after = tick(late, 1_000);
    expect(compareStamps(formatStamp(after), formatStamp(late))).toBe(1);
  });

  it('orders a change received from a device whose clock is hours ahead before the next local one', () => {
    const ahead = tick(startClock('b'), 10 * HOUR);
    const local = receive(tick(startClock('a'), 7 * HOUR), ahead, 7 * HOUR + 1);
    const next = tick(local, 7 * HOUR + 2);
    expect(compareStamps(formatStamp(next), formatStamp(ahead))).toBe(1);
    expect(next.wall).toBe(ahead.wall);
  });

  it('serialises to strings that sort in clock order, then by device, and parses back', () => {
    const stamps = [
      { wall: 20, counter: 0, device: 'a' },
      { wall: 3, counter: 7, device: 'b' },
      { wall: 3, counter: 7, device: 'a' },
      { wall: 3, counter: 12, device: 'a' },
    ].map(formatStamp);
    expect([...stamps].sort()).toEqual([stamps[2], stamps[1], stamps[3], stamps[0]]);
    expect(parseStamp(stamps[3]!)).toEqual({ wall: 3, counter: 12, device: 'a' });
    expect(parseStamp('not a stamp')).toBeNull();
  });
});
