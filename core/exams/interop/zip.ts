// Zip in and out for content packages (fflate: pure JS). Reading is bounded: at most MAX_ENTRIES files and
// MAX_TOTAL_BYTES uncompressed, checked from the central directory before anything is inflated.

import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export const MAX_ENTRIES = 5000;
export const MAX_TOTAL_BYTES = 64 * 1024 * 1024;

/** A zip of the given text files, in the given order, with a fixed timestamp (the same input gives the same bytes). */
export function zipTextFiles(files: readonly { path: string; text: string }[]): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const f of files) entries[f.path] = [strToU8(f.text), { mtime: new Date(Date.UTC(2000, 0, 1)) }];
  return zipSync(entries, { level: 6 });
}

/** The files of a zip as UTF-8 text, or a reason why it cannot be read. */
export function unzipTextFiles(zip: Uint8Array): { files: Map<string, string> } | { reason: string } {
  if (!(zip instanceof Uint8Array) || zip.length < 22 || zip[0] !== 0x50 || zip[1] !== 0x4b) return { reason: 'not a zip file (no "PK" signature)' };
  let count = 0;
  let total = 0;
  let tooBig = false;
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(zip, {
      filter: (f) => {
        count++;
        total += f.originalSize;
        if (count > MAX_ENTRIES || total > MAX_TOTAL_BYTES) tooBig = true;
        return !tooBig && !f.name.endsWith('/');
      },
    });
  } catch (error) {
    return { reason: `not a readable zip file: ${(error as Error).message}` };
  }
  if (tooBig) return { reason: `the zip holds more than ${MAX_ENTRIES} files or ${MAX_TOTAL_BYTES} bytes` };
  const files = new Map<string, string>();
  for (const [name, bytes] of Object.entries(raw)) {
    if (name.includes('..') || name.startsWith('/')) return { reason: `unsafe path in the zip: ${name}` };
    files.set(name, strFromU8(bytes));
  }
  return { files };
}
