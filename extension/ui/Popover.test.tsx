// @vitest-environment happy-dom
import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { entityCard, THE_ARTICLE } from './entity-card';
import { Popover } from './Popover';
import { testAnalysis } from './test-analysis';
import { testRoot } from './testing';

describe('entityCard', () => {
  it('gathers the figures about an entity with who states each', () => {
    const analysis = testAnalysis();
    const card = entityCard(analysis, 'e1')!;
    expect(card.kind).toBe('Place');
    expect(card.figures).toEqual([
      { text: 'About 160,000 people', statedBy: 'Vadim Boichenko' },
      { text: 'a made-up figure', statedBy: THE_ARTICLE },
    ]);
    // Listed in text order, whatever order the analysis gave them in.
    expect(card.mentions.map((mention) => mention.start)).toEqual([0, analysis.text.indexOf('Mariupol', 1)]);
  });

  it('gathers quotes, figures it states about others, and its source links', () => {
    const mayor = entityCard(testAnalysis(), 'e2')!;
    expect(mayor.quotes).toEqual(['Corridors must open,']);
    expect(mayor.states).toEqual([{ text: 'About 160,000 people', about: 'Mariupol' }]);
    const un = entityCard(testAnalysis(), 'e3')!;
    expect(un.states).toEqual([{ text: '3.9 million refugees', about: null }]);
    expect(un.links).toEqual(['https://data.unhcr.example/ukraine', 'javascript:alert(1)']);
  });

  it('is null for an unknown id', () => {
    expect(entityCard(testAnalysis(), 'nope')).toBeNull();
  });
});

describe('Popover', () => {
  const root = testRoot();
  const onGoToMention = vi.fn();
  const onClose = vi.fn();

  beforeEach(() => {
    onGoToMention.mockReset();
    onClose.mockReset();
  });

  function show(entityId: string, currentMention = 0): HTMLElement {
    render(<Popover card={entityCard(testAnalysis(), entityId)!} currentMention={currentMention} onGoToMention={onGoToMention} onClose={onClose} />, root);
    return root.querySelector('[role="dialog"]')!;
  }

  it('is a dialog labelled with the name, giving kind, role and figures with their source', () => {
    const dialog = show('e1');
    expect(dialog.getAttribute('aria-label')).toBe('Mariupol');
    expect(dialog.querySelector('.name')!.textContent).toBe('Mariupol');
    expect(dialog.querySelector('.kind')!.textContent).toBe('Place');
    expect(dialog.querySelector('.role')!.textContent).toBe('strategic port city');
    const figures = [...dialog.querySelectorAll('.figures li')].map((item) => item.textContent);
    expect(figures).toEqual(['About 160,000 people — Vadim Boichenko', 'a made-up figure — the article']);
  });

  it('shows what a person said', () => {
    const dialog = show('e2');
    expect([...dialog.querySelectorAll('.quotes q')].map((quote) => quote.textContent)).toEqual(['Corridors must open,']);
    expect(dialog.querySelector('.aliases')!.textContent).toContain('Boichenko');
  });

  it('shows the figures a source gives and only its web links', () => {
    const dialog = show('e3');
    expect(dialog.querySelector('.states')!.textContent).toContain('3.9 million refugees');
    const links = [...dialog.querySelectorAll<HTMLAnchorElement>('.links a')];
    expect(links.map((link) => link.href)).toEqual(['https://data.unhcr.example/ukraine']);
    expect(links[0]!.rel).toBe('noopener noreferrer');
    expect(dialog.querySelector('.article-sources summary')!.textContent).toBe('Sources in this article (2)');
  });

  it('shows names, roles, quotes and source names that look like markup as text, and no link but web links', () => {
    const markup = '<img src=x onerror="window.__pwned=1">';
    const analysis = testAnalysis();
    const hostile = analysis.entities[1]!;
    Object.assign(hostile, { name: markup, aliases: ['</style><script>window.__pwned=2</script>'], role: '<b onmouseover=alert(1)>Mayor</b>' });
    analysis.quotes[0]!.text = '</q><script>window.__pwned=3</script>';
    analysis.sources[1] = {
      entity: hostile.id,
      name: markup,
      links: ['data:text/html,<script>alert(1)</script>', ' javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'vbscript:msgbox(1)', 'https://ok.example/"><img src=x>'],
    };
    render(<Popover card={entityCard(analysis, hostile.id)!} currentMention={0} onGoToMention={onGoToMention} onClose={onClose} />, root);
    const dialog = root.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-label')).toBe(markup);
    expect(dialog.querySelector('.name')!.textContent).toBe(markup);
    expect(dialog.querySelector('.aliases')!.textContent).toContain('</style><script>window.__pwned=2</script>');
    expect(dialog.querySelector('.role')!.textContent).toBe('<b onmouseover=alert(1)>Mayor</b>');
    expect(dialog.querySelector('.quotes q')!.textContent).toBe('</q><script>window.__pwned=3</script>');
    expect(dialog.querySelectorAll('img, script, style, b')).toHaveLength(0);
    const hrefs = [...dialog.querySelectorAll('[href]')].map((link) => link.getAttribute('href'));
    expect(hrefs).toEqual(['https://ok.example/%22%3E%3Cimg%20src=x%3E', 'https://data.unhcr.example/ukraine', 'https://ok.example/%22%3E%3Cimg%20src=x%3E']);
  });

  it('moves between the entity mentions, wrapping around', () => {
    const dialog = show('e1', 1);
    expect(dialog.querySelector('.mentions .count')!.textContent).toBe('Mention 2 of 2');
    dialog.querySelector<HTMLButtonElement>('.mentions .next')!.click();
    expect(onGoToMention).toHaveBeenLastCalledWith(0);
    dialog.querySelector<HTMLButtonElement>('.mentions .previous')!.click();
    expect(onGoToMention).toHaveBeenLastCalledWith(0);
    render(null, root);
    show('e1', 0).querySelector<HTMLButtonElement>('.mentions .previous')!.click();
    expect(onGoToMention).toHaveBeenLastCalledWith(1);
  });

  it('closes on Escape and on its close button', () => {
    const dialog = show('e1');
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(onClose).toHaveBeenCalledTimes(1);
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    expect(onClose).toHaveBeenCalledTimes(1);
    dialog.querySelector<HTMLButtonElement>('button.close')!.click();
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
