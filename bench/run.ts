// `npm run bench`: runs every benchmark module in bench/ and prints one table.
// Each module exports `run(): Promise<BenchRow[]>`.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { printTable, type BenchRow } from './table';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);

async function main() {
  const modules = readdirSync(benchDir)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  const rows: BenchRow[] = [];
  for (const file of modules) {
    const mod = (await import(pathToFileURL(join(benchDir, file)).href)) as { run: () => Promise<BenchRow[]> };
    process.stderr.write(`running ${file}...\n`);
    rows.push(...(await mod.run()));
  }
  console.log(printTable(rows));
  console.log(`\nnode ${process.version}, ${new Date().toISOString()}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
