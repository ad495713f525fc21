// Kept apart from ./helpers.ts, which child processes import outside the test runner.
import { afterEach } from 'vitest';
import { folderServices, tempDir, type FolderServices } from './helpers';

/**
 * Temp folders, and services opened on them, that are closed and removed after each test of the file that
 * calls this (once, at the top level). `open` may be closed early by the test; closing twice is harmless.
 */
export function folderScope() {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });
  return {
    defer(cleanup: () => unknown): void {
      cleanups.push(cleanup);
    },
    temp(prefix: string): string {
      const t = tempDir(prefix);
      cleanups.push(t.cleanup);
      return t.dir;
    },
    async open(dir: string, options: Parameters<typeof folderServices>[1] = {}): Promise<FolderServices> {
      const f = await folderServices(dir, options);
      let closed = false;
      const close = async () => {
        if (!closed) await f.close();
        closed = true;
      };
      cleanups.push(close);
      return { ...f, close };
    },
  };
}
