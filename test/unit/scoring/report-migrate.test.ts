// Stored reports are versioned: a version 1 report (before "not assessed" and extents) reads as version 2
// with every criterion assessed, unchanged otherwise; an unknown version is refused by name.
import { describe, expect, it } from 'vitest';
import { scoreReportSchema } from '../../../core/api/schemas/attempts';
import { REPORT_VERSION } from '../../../core/scoring/report';
import { migrateScoreReport } from '../../../core/scoring/report-migrate';

const v1 = {
  reportVersion: 1,
  recordingId: 'rec-1',
  procedure: 'roller',
  score: 95.8,
  passed: true,
  criticalFailure: false,
  passMark: 80,
  criteria: ['safety', 'protocol', 'technique', 'coverage', 'parameters', 'aftercare'].map((criterion) => ({ criterion, score: criterion === 'parameters' ? 75 : 100, weight: 1 })),
  findings: [
    {
      id: 'roller-needle-forehead:forehead',
      ruleId: 'roller-needle-forehead',
      clause: '8.5.5',
      severity: 'major',
      criterion: 'parameters',
      message: { zh: '额部', en: 'Forehead' },
      region: 'forehead',
      span: { startMs: 0, endMs: 10 },
      evidence: { text: { zh: '针长 1.5 mm', en: 'needle 1.5 mm' }, values: { needleLengthMm: 1.5 } },
      simulatorDefault: false,
    },
  ],
  metrics: { coveragePct: 96 },
};

describe('migrateScoreReport', () => {
  it('reads a version 1 report as the current version, every criterion assessed, scores as stored', () => {
    const m = migrateScoreReport(JSON.parse(JSON.stringify(v1)));
    expect(m.reportVersion).toBe(REPORT_VERSION);
    expect(m.criteria.every((c) => c.assessed)).toBe(true);
    expect(m.criteria.map((c) => c.score)).toEqual(v1.criteria.map((c) => c.score));
    expect(m).toMatchObject({ score: 95.8, passed: true, findings: v1.findings });
    expect(() => scoreReportSchema.parse(m)).not.toThrow();
  });

  it('passes a current report through and refuses an unknown version or a non-object', () => {
    const current = migrateScoreReport(v1);
    expect(migrateScoreReport(current)).toBe(current);
    expect(() => migrateScoreReport({ ...v1, reportVersion: 9 })).toThrow(/unknown reportVersion 9/);
    expect(() => migrateScoreReport({ ...v1, criteria: 'x' })).toThrow(/criteria/);
    expect(() => migrateScoreReport(null)).toThrow(/expected an object/);
  });
});
