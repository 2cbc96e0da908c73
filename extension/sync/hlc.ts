/**
 * Hybrid logical clocks (Kulkarni et al., 2014): a stamp is the wall-clock time in ms, a counter
 * for events within the same ms (or while the wall clock lags a stamp already seen) and the
 * device, so stamps are unique, follow causality across devices and stay close to real time.
 * A device whose clock is hours behind takes the later time from the first stamp it receives
 * and never goes backwards; one hours ahead pulls the others forward, deterministically.
 */

/** A point on a device's hybrid logical clock. */
export interface Hlc {
  /** Wall-clock time in ms since the epoch (the highest seen, local or received). */
  wall: number;
  /** Orders events that share `wall`. */
  counter: number;
  /** The device that made the stamp. */
  device: string;
}

/** Fixed widths, so that serialised stamps sort as strings in clock order. */
const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;

/** A device's clock before its first event. */
export function startClock(device: string): Hlc {
  return { wall: 0, counter: 0, device };
}

/** The clock after a local event at `now` (ms): the new value is the event's stamp. */
export function tick(clock: Hlc, now: number): Hlc {
  const wall = Math.max(clock.wall, Math.floor(now));
  return advance(clock.device, wall, wall === clock.wall ? clock.counter + 1 : 0);
}

/** The clock after receiving `remote` (another device's stamp) at `now`: after both. */
export function receive(clock: Hlc, remote: Hlc, now: number): Hlc {
  const wall = Math.max(clock.wall, remote.wall, Math.floor(now));
  const counter =
    wall === clock.wall && wall === remote.wall
      ? Math.max(clock.counter, remote.counter) + 1
      : wall === clock.wall
        ? clock.counter + 1
        : wall === remote.wall
          ? remote.counter + 1
          : 0;
  return advance(clock.device, wall, counter);
}

function advance(device: string, wall: number, counter: number): Hlc {
  // A counter overflow (a million events in one ms, or a clock stuck behind) moves to the next ms.
  return counter > MAX_COUNTER ? { wall: wall + 1, counter: 0, device } : { wall, counter, device };
}

/** "000001712345678901-000000-<device>": string order is clock order (then device). */
export function formatStamp(stamp: Hlc): string {
  return `${String(stamp.wall).padStart(WALL_DIGITS, '0')}-${String(stamp.counter).padStart(COUNTER_DIGITS, '0')}-${stamp.device}`;
}

const STAMP = new RegExp(`^(\\d{${WALL_DIGITS}})-(\\d{${COUNTER_DIGITS}})-(.+)$`);

/** The clock value a serialised stamp names, or null when it is not one. */
export function parseStamp(text: string): Hlc | null {
  const match = STAMP.exec(text);
  return match ? { wall: Number(match[1]), counter: Number(match[2]), device: match[3]! } : null;
}

/** Compares two serialised stamps in clock order. */
export function compareStamps(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
