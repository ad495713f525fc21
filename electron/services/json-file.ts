// JSON files in the data directory: atomic writes (temp file + fsync + rename, so a crash leaves either
// the old or the new file, never half of one) and validated reads. A file that is unreadable or fails
// its schema is reported by name and never written over, so a person can repair or recover it.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { ApiFailure, jsonPointer } from '../../core/api/errors';

export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await fs.open(tmp, 'wx', 0o600);
  try {
    await handle.writeFile(JSON.stringify(value, null, 2) + '\n', 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(tmp, file);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    throw error;
  }
}

export type JsonReadResult<T> = { kind: 'missing' } | { kind: 'ok'; value: T };

/** Reads and validates a JSON file; a missing file is not an error, a bad one is (storage-corrupt, naming the file and field). */
export async function readJsonFile<S extends z.ZodType>(file: string, schema: S): Promise<JsonReadResult<z.output<S>>> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw new ApiFailure('storage-failed', `cannot read ${file}: ${(error as Error).message}`, file);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ApiFailure('storage-corrupt', `${file} is not valid JSON (${(error as Error).message}); it has been left untouched — repair it or move it away`, file);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const pointer = issue ? jsonPointer(issue.path) : '';
    throw new ApiFailure(
      'storage-corrupt',
      `${file} is invalid at ${pointer === '' ? '/' : pointer}: ${issue?.message ?? 'invalid'}; it has been left untouched — repair it or move it away`,
      file,
    );
  }
  return { kind: 'ok', value: parsed.data };
}

/**
 * One JSON document with a schema and a default. Reads every time (files are small, and another process
 * such as a second `npm run web` may have written), writes one at a time, and refuses to write while
 * the file on disk is corrupt.
 */
export class JsonDocument<S extends z.ZodType> {
  private queue: Promise<unknown> = Promise.resolve();
  readonly file: string;
  private readonly schema: S;
  private readonly makeDefault: () => z.output<S>;

  constructor(file: string, schema: S, makeDefault: () => z.output<S>) {
    this.file = file;
    this.schema = schema;
    this.makeDefault = makeDefault;
  }

  async read(): Promise<z.output<S>> {
    const result = await readJsonFile(this.file, this.schema);
    return result.kind === 'missing' ? this.makeDefault() : result.value;
  }

  /** Read-modify-write under a per-document queue; the recipe returns the new document and a result. */
  update<R>(recipe: (current: z.output<S>) => { next: z.output<S>; result: R } | Promise<{ next: z.output<S>; result: R }>): Promise<R> {
    const run = this.queue.then(async () => {
      const current = await this.read(); // throws storage-corrupt before anything is written
      const { next, result } = await recipe(current);
      const checked = this.schema.safeParse(next);
      if (!checked.success) throw new Error(`refusing to write ${this.file}: the new content does not match its schema`);
      try {
        await writeJsonAtomic(this.file, checked.data);
      } catch (error) {
        throw new ApiFailure('storage-failed', `cannot write ${this.file}: ${(error as Error).message}`, this.file);
      }
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
