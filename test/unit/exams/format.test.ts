// The exam format: the published JSON Schemas are current, malformed modules are listed with file, JSON
// pointer and message and left out (the rest loads), and the shipped content validates and covers the
// standard as issue 8 asks.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../core/exams/catalog';
import { examJsonSchemas } from '../../../core/exams/format/json-schema';
import { loadExamsDir, SHIPPED_EXAMS_DIR } from '../../../core/node/exams-dir';
import { CONDITIONS } from '../../../core/rules/conditions';
import { LEAF_CLAUSES } from '../../../core/standard/clauses';

function shippedFiles(): { name: string; text: string }[] {
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : []));
  return walk(SHIPPED_EXAMS_DIR).map((p) => ({ name: relative(SHIPPED_EXAMS_DIR, p).split('\\').join('/'), text: readFileSync(p, 'utf8') }));
}
const FILES = shippedFiles();
const ROLLER_NURSE = JSON.parse(FILES.find((f) => f.name === 'modules/roller-nurse.json')!.text) as Record<string, unknown>;

describe('published JSON Schemas', () => {
  it('docs/exam-schemas/*.schema.json are generated from the zod schemas and current (npm run build:exam-schemas)', () => {
    for (const [kind, schema] of Object.entries(examJsonSchemas())) {
      const committed = JSON.parse(readFileSync(new URL(`../../../docs/exam-schemas/${kind}.schema.json`, import.meta.url), 'utf8'));
      expect(committed, kind).toEqual(JSON.parse(JSON.stringify(schema)));
    }
  });
});

describe('malformed modules', () => {
  const others = FILES.filter((f) => !f.name.startsWith('modules/') && f.name !== 'tracks.json');
  /** Loads the bank with one module file made from roller-nurse by `edit`; returns that file's problems. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON document edited freely to break it
  type Doc = Record<string, any>;
  const problemsOf = (edit: (m: Doc) => unknown, raw?: string) => {
    const m = structuredClone(ROLLER_NURSE) as Doc;
    const edited = edit(m) ?? m;
    const catalog = buildCatalog([...others, { name: 'modules/bad.json', text: raw ?? JSON.stringify(edited) }]);
    expect(catalog.questions.size, 'the rest of the bank still loads').toBeGreaterThan(150);
    expect(catalog.modules.size, 'the malformed module is left out').toBe(0);
    return catalog.problems.filter((p) => p.file === 'modules/bad.json');
  };
  const cases: [string, (m: Doc) => unknown, string, RegExp, string?][] = [
    ['not JSON at all', () => undefined, '', /not valid JSON/, '{ "kind": "exam-module", '],
    ['a document of another kind', (m) => void (m.kind = 'exam'), '/kind', /one of "question-bank"/],
    ['a newer format version', (m) => void (m.formatVersion = 2), '/formatVersion', /newer than this app reads/],
    ['version 0', (m) => void (m.version = 0), '/version', /version >= 1/],
    ['a title without its English', (m) => void delete m.title.en, '/title/en', /missing: expected a text/],
    ['an unknown profession', (m) => void (m.certifies = ['beautician']), '/certifies/0', /technician", "nurse" or "physician/],
    ['a syllabus clause the standard does not have', (m) => void (m.syllabus[0].clause = '8.9'), '/syllabus/0/clause', /not a clause of sections 3-15/],
    ['a syllabus clause listed twice', (m) => void m.syllabus.push({ clause: m.syllabus[0].clause }), `/syllabus/${(ROLLER_NURSE.syllabus as unknown[]).length}/clause`, /listed twice/],
    ['two parts with one id', (m) => void (m.parts[1].id = m.parts[0].id), '/parts/1/id', /used twice/],
    ['a part of an unknown kind', (m) => void (m.parts[0].kind = 'oral'), '/parts/0/kind', /"knowledge", "case", "practical", "complication"/],
    ['a draw of no questions', (m) => void (m.parts[0].draws[0].count = 0), '/parts/0/draws/0/count', /at least 1 question/],
    ['a draw that is not a clause', (m) => void (m.parts[0].draws[0].clauses = ['roller']), '/parts/0/draws/0/clauses/0', /clause or section number/],
    ['a draw the bank cannot fill', (m) => void (m.parts[0].draws[0].count = 150), '/parts/0/draws/0/count', /bank has \d+ matching/],
    ['a time limit of 0', (m) => void (m.parts[0].timeLimitMin = 0), '/parts/0/timeLimitMin', /at least 1 minute/],
    ['a minimum above 100', (m) => void (m.parts[0].minScore = 150), '/parts/0/minScore', /from 0 to 100/],
    ['a case that did not load', (m) => void (m.parts[1].caseIds = ['no-such-case']), '/parts/1/caseIds/0', /did not load/],
    ['a case of another procedure', (m) => void (m.parts[1].caseIds = ['rf-clean-face-laxity']), '/parts/1/caseIds/0', /plans rf/],
    ['task settings for another device', (m) => void (m.parts[2].task.initialSettings = { device: 'nano', needleHeightUm: 100, technique: 'point-lift', level: 2 }), '/parts/2/task/initialSettings/device', /initial settings are for nano/],
    ['a task overriding one of the standard’s numbers', (m) => void (m.parts[2].task.scenario = { defaults: { eyelidNeedleMm: 0.5 } }), '/parts/2/task/scenario/defaults', /only simulator defaults can be changed/],
    ['more vignettes drawn than listed', (m) => void (m.parts[3].count = 99), '/parts/3/count', /draws 99 vignettes/],
    ['no attempts allowed', (m) => void (m.passRule.attemptsAllowed = 0), '/passRule/attemptsAllowed', /at least 1 attempt/],
    ['an unknown release policy', (m) => void (m.release.results = 'later'), '/release/results', /.+/],
    ['a field the format does not have', (m) => void (m.extra = true), '', /unexpected field\(s\) "extra"/],
  ];
  it.each(cases)('%s is listed with its file, pointer and message', (_what, edit, pointer, message, raw) => {
    const problems = problemsOf(edit, raw);
    expect(problems.length, JSON.stringify(problems)).toBeGreaterThan(0);
    expect(problems.some((p) => p.pointer === pointer && message.test(p.message)), JSON.stringify(problems)).toBe(true);
  });
  it('has at least 15 kinds', () => expect(cases.length).toBeGreaterThanOrEqual(15));

  it('a case whose stated decision disagrees with the screening rules is refused, and so are the modules that use it', () => {
    const herpes = FILES.find((f) => f.name === 'cases/roller-herpes-active-lip.json')!;
    const wrong = { ...JSON.parse(herpes.text), expected: { decision: 'treat', rationale: { zh: '可以', en: 'fine' } } };
    const catalog = buildCatalog([...FILES.filter((f) => f !== herpes), { name: herpes.name, text: JSON.stringify(wrong) }]);
    expect(catalog.problems).toContainEqual(expect.objectContaining({ file: herpes.name, pointer: '/expected/decision', message: expect.stringMatching(/call for "limit"/) }));
    expect(catalog.problems).toContainEqual(expect.objectContaining({ file: 'modules/roller-nurse.json', message: expect.stringMatching(/roller-herpes-active-lip" did not load/) }));
    expect(catalog.modules.has('roller-nurse@1')).toBe(false);
    expect(catalog.modules.has('roller-technician@1')).toBe(true);
  });
});

describe('the shipped exams', () => {
  const catalog = loadExamsDir();
  const questions = [...catalog.questions.values()];
  const counted = questions.filter((q) => !q.outsideStandard);

  it('all validate: no problems, at least 150 questions, 12 cases and 6 modules, and a track per profession', () => {
    expect(catalog.problems).toEqual([]);
    expect(counted.length).toBeGreaterThanOrEqual(150);
    expect(catalog.cases.size).toBeGreaterThanOrEqual(12);
    expect([...catalog.modules.values()].map((m) => m.module.id).sort()).toEqual(['nano', 'rf-nurse', 'rf-technician', 'roller-nurse', 'roller-technician', 'theory']);
    expect(catalog.tracks.map((t) => t.profession).sort()).toEqual(['nurse', 'physician', 'technician']);
  });

  it('every leaf clause of sections 5-15 is cited by at least one question', () => {
    const cited = new Set(counted.flatMap((q) => q.clauses));
    expect(LEAF_CLAUSES.filter((c) => c.section >= 5 && !cited.has(c.id)).map((c) => c.id)).toEqual([]);
  });

  it('sections 3-15 are covered in proportion to their weight (at least one question per leaf clause, and section 8 and 9 the most)', () => {
    const bySection = (s: number) => counted.filter((q) => q.clauses.some((c) => Number(c.split('.')[0]) === s)).length;
    for (let s = 3; s <= 15; s++) {
      const leaves = LEAF_CLAUSES.filter((c) => c.section === s).length;
      expect(bySection(s), `section ${s}`).toBeGreaterThanOrEqual(leaves);
    }
    const top = [...Array(13).keys()].map((i) => i + 3).sort((a, b) => bySection(b) - bySection(a)).slice(0, 2);
    expect(top.sort()).toEqual([8, 9]);
  });

  it('has every question type, with region questions on the head, and marks facts from outside the standard', () => {
    for (const type of ['single', 'multiple', 'true-false', 'region'] as const) expect(counted.filter((q) => q.type === type).length, type).toBeGreaterThanOrEqual(8);
    const outside = questions.filter((q) => q.outsideStandard);
    expect(outside.length).toBeGreaterThan(0);
    for (const q of outside) expect(q.outsideStandard!.source.zh).toMatch(/非本规范|不属于本规范|规范以外|规范之外/);
  });

  it('cases cover every contraindication of section 6 and the situations issue 8 names, with what the exam should reveal painted on the head', () => {
    const cases = [...catalog.cases.values()];
    const ids = new Set(cases.flatMap((c) => c.conditions.map((x) => x.id)));
    const clauses = new Set(CONDITIONS.filter((x) => ids.has(x.id) && x.kind === 'contraindication').map((x) => x.clause));
    for (let n = 1; n <= 10; n++) expect(clauses.has(`6.${n}`), `6.${n}`).toBe(true);
    expect(ids.has('anticoagulants') && ids.has('coagulation-disorder')).toBe(true);
    expect(cases.some((c) => c.nasalImplant)).toBe(true);
    expect(cases.some((c) => c.conditions.some((x) => x.id === 'herpes-history') && !c.conditions.some((x) => x.id === 'local-infection'))).toBe(true);
    expect(cases.some((c) => c.patient.skinType === 'thin' || c.patient.skinType === 'sensitive')).toBe(true);
    expect(ids.has('rosacea')).toBe(true);
    expect(cases.some((c) => c.patient.fitzpatrick >= 5)).toBe(true);
    expect(cases.filter((c) => c.expected.decision === 'treat').length).toBeGreaterThanOrEqual(2);
    for (const c of cases) {
      for (const cond of c.conditions.filter((x) => x.regions)) {
        expect(c.findings.some((f) => f.regions.some((r) => cond.regions!.includes(r))), `${c.id}: ${cond.id} is painted where it is`).toBe(true);
      }
    }
  });
});
