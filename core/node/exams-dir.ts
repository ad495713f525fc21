// Node-only: reads every .json file under an exams folder (the shipped exams/ by default) and builds the
// catalogue. A file that cannot be read is a problem in the list like any malformed document.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog, type ExamCatalog } from '../exams/catalog';

// Two levels up from core/node/ and from the bundled dist/electron/ alike: the project (or app) root.
export const SHIPPED_EXAMS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'exams');

function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...jsonFiles(p));
    else if (e.isFile() && e.name.endsWith('.json')) out.push(p);
  }
  return out;
}

export function loadExamsDir(dir: string = SHIPPED_EXAMS_DIR): ExamCatalog {
  let paths: string[];
  try {
    paths = jsonFiles(dir);
  } catch (error) {
    return { ...buildCatalog([]), problems: [{ file: dir, pointer: '', message: `the exams folder cannot be read: ${(error as Error).message}` }] };
  }
  const files: { name: string; text: string }[] = [];
  const unreadable: { file: string; pointer: string; message: string }[] = [];
  for (const p of paths) {
    const name = relative(dir, p).split('\\').join('/');
    try {
      files.push({ name, text: readFileSync(p, 'utf8') });
    } catch (error) {
      unreadable.push({ file: name, pointer: '', message: `cannot be read: ${(error as Error).message}` });
    }
  }
  const catalog = buildCatalog(files);
  return { ...catalog, problems: [...unreadable, ...catalog.problems] };
}
