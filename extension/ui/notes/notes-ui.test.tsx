// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { makeNote } from '../../store/test-notes';
import type { EntityMemory } from '../../notes/types';
import { entityCard } from '../entity-card';
import { Popover } from '../Popover';
import { testAnalysis } from '../test-analysis';
import { EntityMemorySection, formatDay } from './EntityMemorySection';
import { NoteCard } from './NoteCard';
import { NoteEditor } from './NoteEditor';
import { testRoot } from '../testing';

const root = testRoot();

function show(node: preact.ComponentChild): void {
  act(() => render(node, root));
}

function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  act(() => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function press(target: Element, key: string, init: KeyboardEventInit = {}): void {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
  });
}

const flush = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

describe('NoteEditor', () => {
  const initial = { body: '', tags: [], colour: 'yellow' as const };

  it('is a dialog on the quoted words, focused in its text, saving text, tags and colour', async () => {
    const onSave = vi.fn(async () => {});
    show(<NoteEditor title="Add note" quote="160,000 people" initial={initial} onSave={onSave} onCancel={() => {}} />);
    const dialog = root.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-label')).toBe('Add note');
    expect(dialog.querySelector('.quote')!.textContent).toBe('160,000 people');
    const text = root.querySelector('textarea')!;
    expect(document.activeElement).toBe(text);
    type(text, 'Check the UNHCR count');
    type(root.querySelector<HTMLInputElement>('input[name="tags"]')!, 'refugees, Mariupol');
    act(() => root.querySelector<HTMLInputElement>('input[value="green"]')!.click());
    act(() => root.querySelector<HTMLButtonElement>('button.save')!.click());
    await flush();
    expect(onSave).toHaveBeenCalledWith({ body: 'Check the UNHCR count', tags: ['refugees', 'Mariupol'], colour: 'green' });
  });

  it('saves on Ctrl+Enter, cancels on Escape, and shows why a save failed', async () => {
    const onSave = vi.fn(async () => {
      throw new Error('Your browser’s storage for Gloss is full: the note was not saved.');
    });
    const onCancel = vi.fn();
    show(<NoteEditor title="Edit note" quote="x" initial={{ body: 'Old', tags: ['a'], colour: 'blue' }} onSave={onSave} onCancel={onCancel} />);
    expect(root.querySelector<HTMLInputElement>('input[name="tags"]')!.value).toBe('a');
    press(root.querySelector('textarea')!, 'Enter', { ctrlKey: true });
    await flush();
    expect(onSave).toHaveBeenCalledWith({ body: 'Old', tags: ['a'], colour: 'blue' });
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('Your browser’s storage for Gloss is full: the note was not saved.');
    expect(root.querySelector<HTMLButtonElement>('button.save')!.disabled).toBe(false);
    press(root.querySelector('textarea')!, 'Escape');
    expect(onCancel).toHaveBeenCalledOnce();
  });
});

describe('NoteCard', () => {
  it('shows the note’s text as text, never as markup', () => {
    const note = makeNote({ id: 'n1', body: '<img src=x onerror="alert(1)">', tags: ['<b>tag</b>'] });
    show(<NoteCard note={note} onEdit={() => {}} onRecolour={async () => {}} onDelete={() => {}} onClose={() => {}} />);
    expect(root.querySelector('.body')!.textContent).toBe('<img src=x onerror="alert(1)">');
    expect(root.querySelector('img, b')).toBeNull();
    expect(root.querySelector('.tags li')!.textContent).toBe('<b>tag</b>');
  });

  it('offers Edit, Recolour (a colour choice) and Delete; Escape closes it', async () => {
    const onEdit = vi.fn();
    const onRecolour = vi.fn(async () => {});
    const onDelete = vi.fn();
    const onClose = vi.fn();
    show(<NoteCard note={makeNote({ id: 'n1' })} onEdit={onEdit} onRecolour={onRecolour} onDelete={onDelete} onClose={onClose} focus />);
    expect(document.activeElement).toBe(root.querySelector('.note-card'));
    act(() => root.querySelector<HTMLButtonElement>('button.edit')!.click());
    expect(onEdit).toHaveBeenCalledOnce();
    expect(root.querySelector('.colours')).toBeNull();
    act(() => root.querySelector<HTMLButtonElement>('button.recolour')!.click());
    act(() => root.querySelector<HTMLInputElement>('input[value="pink"]')!.click());
    await flush();
    expect(onRecolour).toHaveBeenCalledWith('pink');
    expect(root.querySelector('.colours'), 'the colour choice closes once recoloured').toBeNull();
    act(() => root.querySelector<HTMLButtonElement>('button.delete')!.click());
    expect(onDelete).toHaveBeenCalledOnce();
    press(root.querySelector('.note-card')!, 'Escape');
    expect(onClose).toHaveBeenCalledOnce();
  });
});

describe('EntityMemorySection', () => {
  const memory: EntityMemory = {
    key: 'LOC:mariupol',
    articles: [
      { url: 'https://news.example/later', title: 'Mariupol, a month on', published: '2022-04-28T09:00:00+02:00', outlet: 'Example News', role: null },
      { url: 'javascript:alert(1)', title: 'Not a web link', published: null, outlet: null, role: null },
    ],
    figures: [
      { text: '4.1 million fled', value: 4_100_000, unit: 'fled', source: 'UNHCR', url: 'https://news.example/later', title: 'Mariupol, a month on', date: '2022-04-28T09:00:00+02:00' },
      { text: '3.9 million fled', value: 3_900_000, unit: 'fled', source: null, url: 'https://news.example/earlier', title: 'Talks in Istanbul', date: '2022-03-29' },
    ],
  };

  it('says in how many other articles the reader met the entity, linking only web addresses', () => {
    show(<EntityMemorySection memory={memory} />);
    expect(root.querySelector('h3')!.textContent).toBe('In 2 other articles you read');
    const links = [...root.querySelectorAll<HTMLAnchorElement>('a')];
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([['Mariupol, a month on', 'https://news.example/later']]);
    expect(root.querySelector('.memory-articles')!.textContent).toContain('Not a web link');
    expect(root.querySelector('.memory-articles .when')!.textContent).toBe(' (Example News, 28 Apr 2022)');
  });

  it('lists the figures from them with source and date, so a changed figure shows', () => {
    show(<EntityMemorySection memory={memory} />);
    expect([...root.querySelectorAll('.memory-figures li')].map((item) => item.textContent)).toEqual([
      '4.1 million fled — UNHCR, 28 Apr 2022',
      '3.9 million fled — Talks in Istanbul, 29 Mar 2022',
    ]);
  });

  it('says "1 other article" in the singular, and nothing when there is none', () => {
    show(<EntityMemorySection memory={{ ...memory, articles: memory.articles.slice(0, 1) }} />);
    expect(root.querySelector('h3')!.textContent).toBe('In 1 other article you read');
    show(<EntityMemorySection memory={{ ...memory, articles: [] }} />);
    expect(root.innerHTML).toBe('');
  });

  it('formats a day as written, whatever the time zone', () => {
    expect(formatDay('2022-03-29T00:30:00+02:00')).toBe('29 Mar 2022');
    expect(formatDay('sometime')).toBe('sometime');
  });
});

describe('the popover’s notes', () => {
  it('lists the reader’s notes on the entity, adds one, and shows the memory', () => {
    const onAddNote = vi.fn();
    const onShowNote = vi.fn();
    const note = makeNote({ id: 'n1', body: 'Port city, 2 names' });
    const memory: EntityMemory = { key: 'LOC:mariupol', articles: [{ url: 'https://a.example/', title: 'Earlier', published: null, outlet: null, role: null }], figures: [] };
    show(
      <Popover
        card={entityCard(testAnalysis(), 'e1')!}
        currentMention={0}
        onGoToMention={() => {}}
        onClose={() => {}}
        notes={{ notes: [note], memory, onAddNote, onShowNote }}
      />,
    );
    expect(root.querySelector('.memory h3')!.textContent).toBe('In 1 other article you read');
    const listed = root.querySelector<HTMLButtonElement>('.entity-notes .note-link')!;
    expect(listed.textContent).toBe('Port city, 2 names');
    act(() => listed.click());
    expect(onShowNote).toHaveBeenCalledWith('n1');
    act(() => root.querySelector<HTMLButtonElement>('.entity-notes .add-note')!.click());
    expect(onAddNote).toHaveBeenCalledOnce();
  });

  it('has no notes section without notes', () => {
    show(<Popover card={entityCard(testAnalysis(), 'e1')!} currentMention={0} onGoToMention={() => {}} onClose={() => {}} />);
    expect(root.querySelector('.entity-notes, .memory')).toBeNull();
  });
});
