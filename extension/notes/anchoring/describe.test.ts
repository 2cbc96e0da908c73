import { describe, expect, it } from 'vitest';
import { describeSpan } from './describe';

describe('describeSpan', () => {
  const text = 'a'.repeat(40) + 'QUOTE' + 'b'.repeat(40);

  it('keeps the quote with 32 characters of context either side', () => {
    const { quote, position } = describeSpan(text, 40, 45);
    expect(quote).toEqual({ type: 'TextQuoteSelector', exact: 'QUOTE', prefix: 'a'.repeat(32), suffix: 'b'.repeat(32) });
    expect(position).toEqual({ type: 'TextPositionSelector', start: 40, end: 45 });
  });

  it('keeps shorter context at the edges of the text', () => {
    const { quote } = describeSpan('Hello world', 0, 5);
    expect(quote.prefix).toBe('');
    expect(quote.suffix).toBe(' world');
  });

  it('clamps and orders offsets it is given out of range or reversed', () => {
    expect(describeSpan('Hello world', 11, 6).position).toMatchObject({ start: 6, end: 11 });
    expect(describeSpan('Hello', -3, 99).quote.exact).toBe('Hello');
    expect(describeSpan('Hello', Number.NaN, 2).position).toMatchObject({ start: 0, end: 2 });
  });
});
