// What the command-line tools on a data folder share: their output port, the usage error a bad argument
// raises (answered with the tool's usage and exit code 2), and where the data folder is when none is named.

import path from 'node:path';
import { defaultDataDir } from '../services/app-info';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

/** A bad argument: the tool prints the message and its usage and exits 2. */
export class UsageError extends Error {}

/** --data-dir, else MICRONEEDLE_DATA_DIR, else the app's own data folder. */
export function dataDirFrom(option: string | undefined, env: NodeJS.ProcessEnv): string {
  return path.resolve(option ?? (env.MICRONEEDLE_DATA_DIR || defaultDataDir(env)));
}

/** The parsed arguments, or null after printing the usage error (the caller then exits 2). */
export function parseOrUsage<T>(tool: string, usage: string, io: CliIo, parse: () => T): T | null {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`${tool}: ${error.message}`);
    io.err(usage);
    return null;
  }
}
