// npm run exams:check [-- DIR]: validates an exams folder and prints what loaded (questions by section and
// type, cases, vignettes, modules) and every problem with file, JSON pointer and message. Exits 1 on problems.

import { loadExamsDir, SHIPPED_EXAMS_DIR } from '../core/node/exams-dir';
import { LEAF_CLAUSES } from '../core/standard/clauses';

const dir = process.argv[2] ?? SHIPPED_EXAMS_DIR;
const catalog = loadExamsDir(dir);
const bySection = new Map<number, number>();
const byType = new Map<string, number>();
const cited = new Set<string>();
for (const q of catalog.questions.values()) {
  const sections = new Set(q.clauses.map((c) => Number(c.split('.')[0])));
  for (const s of sections) bySection.set(s, (bySection.get(s) ?? 0) + 1);
  byType.set(q.type, (byType.get(q.type) ?? 0) + 1);
  for (const c of q.clauses) cited.add(c);
}
console.log(`exams folder: ${dir}`);
console.log(`questions: ${catalog.questions.size}`);
console.log('  by section (a question citing two sections counts in both):');
for (const s of [...bySection.keys()].sort((a, b) => a - b)) console.log(`    ${String(s).padStart(2)}: ${bySection.get(s)}`);
console.log(`  by type: ${[...byType].map(([t, n]) => `${t} ${n}`).join(', ')}`);
const uncited = LEAF_CLAUSES.filter((c) => c.section >= 5 && !cited.has(c.id)).map((c) => c.id);
console.log(`  leaf clauses of sections 5-15 cited by no question: ${uncited.length === 0 ? 'none' : uncited.join(', ')}`);
console.log(`cases: ${catalog.cases.size} (${[...catalog.cases.keys()].join(', ')})`);
console.log(`complication vignettes: ${catalog.complications.size}`);
console.log(`modules: ${catalog.modules.size}`);
for (const m of catalog.modules.values()) console.log(`  ${m.module.id}@${m.module.version} ${m.hash.slice(0, 12)} certifies ${m.module.certifies.join('/')}: ${m.module.title.en}`);
console.log(`role tracks: ${catalog.tracks.map((t) => `${t.profession} (${t.modules.join(', ')})`).join('; ') || 'none'}`);
if (catalog.problems.length > 0) {
  console.log(`\n${catalog.problems.length} problem(s):`);
  for (const p of catalog.problems) console.log(`  ${p.file} ${p.pointer || '/'}: ${p.message}`);
  process.exitCode = 1;
}
