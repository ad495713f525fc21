// `npm run bench`: runs every benchmark module in bench/ and prints one table.
// Each module exports `run(): Promise<BenchRow[]>`. Each module runs in a process of its own, so no benchmark
// measures what an earlier one left behind: after the head-model build's garbage or the exams' database, the
// 10-minute scoring row read 1-4 ms (5-20 %) slower than on its own.
import { fork } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { printTable, type BenchRow } from './table';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const thisFile = fileURLToPath(import.meta.url);
const ONE = '--one';

/** Runs one module here and sends its rows to the parent. */
async function runOne(file: string): Promise<void> {
  const mod = (await import(pathToFileURL(join(benchDir, file)).href)) as { run: () => Promise<BenchRow[]> };
  const rows = await mod.run();
  await new Promise<void>((resolve, reject) => process.send!(rows, (error: Error | null) => (error ? reject(error) : resolve())));
}

/** Runs one module in a child process (with this process's loader flags) and returns its rows. */
function runIsolated(file: string): Promise<BenchRow[]> {
  return new Promise((resolve, reject) => {
    const child = fork(thisFile, [ONE, file], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let rows: BenchRow[] | undefined;
    child.on('message', (message) => (rows = message as BenchRow[]));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 && rows ? resolve(rows) : reject(new Error(`bench/${file} exited with code ${code}${rows ? '' : ' before sending its rows'}`))));
  });
}

async function main() {
  const only = process.argv.slice(2);
  const modules = readdirSync(benchDir)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  const rows: BenchRow[] = [];
  for (const file of modules) {
    process.stderr.write(`running ${file}...\n`);
    rows.push(...(await runIsolated(file)));
  }
  console.log(printTable(rows));
  console.log(`\nnode ${process.version}, ${new Date().toISOString()}; each module in its own process`);
}

const entry = process.argv[2] === ONE ? runOne(process.argv[3]!) : main();
entry.catch((err) => {
  console.error(err);
  process.exit(1);
});
