/** Brings a range into view when it is outside the viewport, a third of the way down. */
export function scrollRangeIntoView(range: Range, win: Window): void {
  const rect = range.getBoundingClientRect();
  if (rect.top >= 0 && rect.bottom <= win.innerHeight) return;
  win.scrollBy({ top: rect.top - win.innerHeight / 3, behavior: 'instant' });
}
