import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is extension/cli/shared-data.ts). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The team's shared folder (`../shared` beside the repository, or $GLOSS_SHARED). Evaluation and
 * benchmark scripts read its data; a user's clone has none, so they call this and stop cleanly.
 */
export function sharedDir(): string | null {
  const dir = resolve(process.env.GLOSS_SHARED ?? resolve(repoRoot, '../shared'));
  return existsSync(resolve(dir, 'data')) ? dir : null;
}

/** Returns the shared folder, or prints why the script cannot run and exits 0. */
export function requireSharedDir(script: string): string {
  const dir = sharedDir();
  if (!dir) {
    console.error(`${script}: needs the shared data folder (../shared/data beside the repository, or set GLOSS_SHARED); it is absent, so there is nothing to measure.`);
    process.exit(0);
  }
  return dir;
}
