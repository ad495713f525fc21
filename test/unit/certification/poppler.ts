// Poppler's command-line tools (Debian poppler-utils; CI installs it) on a PDF held in memory: its text,
// its page count and its pages rendered, to check what a reader sees.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function inTemp<T>(pdf: Uint8Array, work: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'microneedle-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return work(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(tool: string, args: string[]): string {
  const r = spawnSync(tool, args, { encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw new Error(`${tool} did not run (install poppler-utils): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

export const pdfText = (pdf: Uint8Array): string => inTemp(pdf, (file) => run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']));

export const pdfPages = (pdf: Uint8Array): number => inTemp(pdf, (file) => Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [file]))?.[1]));

export interface RenderedPage {
  /** The PNG as pdftoppm wrote it. */
  png: Buffer;
  width: number;
  height: number;
  /** Share of pixels darker than mid-grey, from a greyscale render of the same page. */
  inkShare: number;
}

/** Every page at `dpi` (pdftoppm -r dpi -png), with its size from the PNG header and how much of it is ink. */
export function renderPages(pdf: Uint8Array, dpi = 60, keepIn?: string): RenderedPage[] {
  return inTemp(pdf, (file, dir) => {
    run('pdftoppm', ['-r', String(dpi), '-png', file, path.join(dir, 'page')]);
    run('pdftoppm', ['-r', String(dpi), '-gray', file, path.join(dir, 'grey')]);
    const names = readdirSync(dir).sort();
    const pngs = names.filter((n) => n.startsWith('page') && n.endsWith('.png'));
    const pgms = names.filter((n) => n.startsWith('grey') && n.endsWith('.pgm'));
    return pngs.map((name, i) => {
      const png = readFileSync(path.join(dir, name));
      if (keepIn) writeFileSync(path.join(keepIn, name), png);
      return { png, width: png.readUInt32BE(16), height: png.readUInt32BE(20), inkShare: inkShareOf(readFileSync(path.join(dir, pgms[i]!))) };
    });
  });
}

/** A binary PGM (P5, 8-bit): the share of pixels below 128. */
function inkShareOf(pgm: Buffer): number {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('pdftoppm -gray did not write a binary PGM');
  const pixels = pgm.subarray(header[0].length);
  let dark = 0;
  for (const v of pixels) if (v < 128) dark++;
  return dark / pixels.length;
}
