/** Test helpers for sync (imported by tests only). */
import { expect } from 'vitest';
import { SyncError } from './types';

/** The SyncError `promise` rejects with (fails the test when it resolves or throws something else). */
export async function syncError(promise: Promise<unknown>): Promise<SyncError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SyncError);
  return error as SyncError;
}
