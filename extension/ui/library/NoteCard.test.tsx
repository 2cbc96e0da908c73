// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { Note } from '../../notes/types';
import type { NoteChanges } from './library-controller';
import { NoteCard } from './NoteCard';
import { testNote } from './test-background';
import { testRoot } from '../testing';

describe('NoteCard: texts from another browser that sync could not merge', () => {
  const root = testRoot();

  const conflicted: Note = testNote({
    id: 'urn:uuid:c1',
    body: 'Written here',
    tags: ['war'],
    colour: 'green',
    conflicts: [{ body: '<b>Written</b> in Firefox', device: 'firefox-1a2b3c4d', modified: '2026-03-02T10:00:00.000Z' }],
  });

  function show(note: Note) {
    const saved: { note: Note; changes: NoteChanges }[] = [];
    const noop = () => {};
    render(
      <ul>
        <NoteCard note={note} showArticle={false} showEntity={false} editing={false} onOpen={noop} onEdit={noop} onSave={(n, changes) => saved.push({ note: n, changes })} onCancelEdit={noop} onDelete={noop} />
      </ul>,
      root,
    );
    return saved;
  }
  const button = (label: string) => [...root.querySelectorAll('button')].find((element) => element.textContent!.trim() === label)!;

  it('shows each other text, as plain text, with its device and time', () => {
    show(conflicted);
    const conflict = root.querySelector('.conflict p')!;
    expect(conflict.textContent).toBe(`Also written on firefox-1a2b3c4d at ${new Date('2026-03-02T10:00:00.000Z').toLocaleString()}: <b>Written</b> in Firefox`);
    expect(conflict.querySelector('b')).toBeNull();
  });

  it('"Keep this text" saves the note with that text and no conflicts', () => {
    const saved = show(conflicted);
    button('Keep this text').click();
    expect(saved).toHaveLength(1);
    expect(saved[0]!.changes).toEqual({ body: '<b>Written</b> in Firefox', tags: ['war'], colour: 'green' });
    expect(saved[0]!.note).not.toHaveProperty('conflicts');
    expect(saved[0]!.note.id).toBe('urn:uuid:c1');
  });

  it('"Keep the text above" keeps this text and lets the others go', () => {
    const saved = show(conflicted);
    button('Keep the text above').click();
    expect(saved[0]!.changes.body).toBe('Written here');
    expect(saved[0]!.note).not.toHaveProperty('conflicts');
  });

  it('shows nothing of the kind for a note without conflicts', () => {
    show({ ...conflicted, conflicts: undefined });
    expect(root.querySelector('.conflicts')).toBeNull();
  });
});
