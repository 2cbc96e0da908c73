/** Test helpers for the Preact components (imported by tests only). */
import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

/**
 * The element a test file renders into: attached to the document before each test, emptied
 * (Preact unmounts what was rendered) and detached after it.
 */
export function testRoot(): HTMLElement {
  const root = document.createElement('div');
  beforeEach(() => {
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });
  return root;
}
