// The practical part reads main's score report: a criterion the task required and the session gave no
// evidence for (here: the target barely touched) is named in the part's findings, with why, in zh and en.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { instantiateAttempt } from '../../../core/exams/attempt';
import { gradeAttempt } from '../../../core/exams/grade';
import { emptyState } from '../../../core/exams/replay';
import { loadExamsDir } from '../../../core/node/exams-dir';
import { loadScoringSurface } from '../../../core/node/surface';
import { parseRecording } from '../../../core/recording/validate';
import { NOT_ASSESSED_TEXT } from '../../../core/scoring/engine/report';
import { score } from '../../../core/scoring/score';

const catalog = loadExamsDir();
const { surface } = loadScoringSurface();

function report(name: string) {
  const parsed = parseRecording(readFileSync(new URL(`../../fixtures/recordings/${name}.json`, import.meta.url), 'utf8'), name);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return score(parsed.recording, { surface });
}

describe('practical part and criteria not assessed', () => {
  it('names each required criterion not assessed, and keeps the critical finding', () => {
    const entry = [...catalog.modules.values()].find((m) => m.module.parts.some((p) => p.kind === 'practical') && m.module.procedure === 'roller')!;
    const partId = entry.module.parts.find((p) => p.kind === 'practical')!.id;
    const content = instantiateAttempt(entry.module, entry.hash, catalog, 'seed-1', { questionIds: new Set(), caseIds: [], vignetteIds: new Set() });
    const graded = gradeAttempt(entry.module, content, emptyState(), { [partId]: { attemptId: 'a-1', report: report('roller-forehead-almost-nothing') } }, '2026-12-02T00:00:00.000Z');
    const part = graded.parts.find((p) => p.kind === 'practical')!;
    const text = NOT_ASSESSED_TEXT['targets-untreated'];
    expect(part.findings.filter((f) => f.message.en.includes('not assessed')).map((f) => f.message)).toEqual([
      { zh: `实操「手法」未评分：${text.zh}`, en: `Practical: Technique not assessed: ${text.en}` },
      { zh: `实操「参数」未评分：${text.zh}`, en: `Practical: Parameters not assessed: ${text.en}` },
    ]);
    expect(part.critical).toBe(true);
    expect(part.passed).toBe(false);
  });
});
