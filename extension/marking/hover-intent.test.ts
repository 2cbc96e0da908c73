import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHoverIntent } from './hover-intent';

describe('hover intent', () => {
  const onRest = vi.fn();
  const onLeave = vi.fn();
  beforeEach(() => {
    vi.useFakeTimers();
    onRest.mockReset();
    onLeave.mockReset();
  });
  afterEach(() => vi.useRealTimers());

  it('opens when the pointer rests on a target', () => {
    const intent = createHoverIntent({ delay: 300, onRest, onLeave });
    intent.move('Putin', 100, 100);
    vi.advanceTimersByTime(299);
    expect(onRest).not.toHaveBeenCalled();
    intent.move('Putin', 102, 101); // a tremor, not a move
    vi.advanceTimersByTime(1);
    expect(onRest).toHaveBeenCalledExactlyOnceWith('Putin');
  });

  it('opens nothing when the pointer sweeps across targets', () => {
    const intent = createHoverIntent({ delay: 300, onRest, onLeave });
    const targets = ['Putin', null, 'Kremlin', 'Kremlin', null, 'Kyiv', 'Kyiv', 'Kyiv', null];
    targets.forEach((target, step) => {
      intent.move(target, step * 40, 100);
      vi.advanceTimersByTime(60);
    });
    vi.advanceTimersByTime(1000);
    expect(onRest).not.toHaveBeenCalled();
  });

  it('waits again while the pointer keeps moving along one long name', () => {
    const intent = createHoverIntent({ delay: 300, onRest, onLeave });
    for (let x = 0; x < 200; x += 20) {
      intent.move('General Staff of the Armed Forces', x, 100);
      vi.advanceTimersByTime(100);
    }
    expect(onRest).not.toHaveBeenCalled();
    vi.advanceTimersByTime(300);
    expect(onRest).toHaveBeenCalledTimes(1);
  });

  it('reports leaving once, and not for a target it never rested on', () => {
    const intent = createHoverIntent({ delay: 300, onRest, onLeave });
    intent.move('Putin', 10, 10);
    intent.move(null, 200, 10);
    expect(onLeave).not.toHaveBeenCalled();
    intent.move('Putin', 10, 10);
    vi.advanceTimersByTime(300);
    intent.move('Putin', 30, 10); // still on it
    intent.move(null, 200, 10);
    intent.move(null, 210, 10);
    expect(onLeave).toHaveBeenCalledTimes(1);
  });

  it('cancel forgets a pending rest', () => {
    const intent = createHoverIntent({ delay: 300, onRest, onLeave });
    intent.move('Putin', 10, 10);
    intent.cancel();
    vi.advanceTimersByTime(1000);
    expect(onRest).not.toHaveBeenCalled();
  });
});
