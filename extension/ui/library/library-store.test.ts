import { describe, expect, it } from 'vitest';
import { actions, createLibraryStore, notesByName } from './library-store';
import { testNote } from './test-background';

describe('library store', () => {
  it('drops the answer to a query the reader has typed past', () => {
    const store = createLibraryStore();
    store.dispatch(actions.queryChanged('lav'));
    store.dispatch(actions.queryChanged('lavrov '));
    store.dispatch(actions.notesLoaded('lav', [testNote({ id: 'a' })], 1));
    expect(store.getState().shownQuery).toBeNull();
    store.dispatch(actions.notesLoaded('lavrov', [testNote({ id: 'b' })], 1));
    expect(store.getState()).toMatchObject({ shownQuery: 'lavrov', total: 1 });
    expect(store.getState().notes.map((note) => note.id)).toEqual(['b']);
  });

  it('counts a note put back by undo again, and forgets the undo once done', () => {
    const store = createLibraryStore();
    const note = testNote({ id: 'a' });
    store.dispatch(actions.notesLoaded('', [note, testNote({ id: 'b' })], 2));
    store.dispatch(actions.noteDeleted(note));
    expect(store.getState()).toMatchObject({ total: 1, deleted: note });
    store.dispatch(actions.noteSaved(note));
    expect(store.getState()).toMatchObject({ total: 2, deleted: null });
  });

  it('groups notes on the same name together whatever their article', () => {
    const store = createLibraryStore();
    const lavrov = { key: 'PER:sergei lavrov', name: 'Sergei Lavrov', type: 'PER' as const };
    store.dispatch(
      actions.notesLoaded('', [testNote({ id: 'a', entity: lavrov }), testNote({ id: 'b' }), testNote({ id: 'c', url: 'https://x.example/', entity: lavrov })], 3),
    );
    expect(notesByName(store.getState()).map((group) => [group.name, group.notes.map((note) => note.id)])).toEqual([
      ['Sergei Lavrov', ['a', 'c']],
      ['Passages', ['b']],
    ]);
  });

  it('tells its listeners about changes, and only about changes', () => {
    const store = createLibraryStore();
    let calls = 0;
    const stop = store.subscribe(() => calls++);
    store.dispatch(actions.viewChanged('entity'));
    store.dispatch(actions.notesLoaded('stale', [], 0)); // dropped: no change
    stop();
    store.dispatch(actions.viewChanged('article'));
    expect(calls).toBe(1);
  });
});
