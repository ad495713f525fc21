// xAPI statements: every kind validates with Learning Locker's validator (warnings printed), ids and
// registrations are deterministic name-based UUIDs, and the SHA-1 behind them matches node:crypto's.

import { createHash } from 'node:crypto';
import validateStatement from '@learninglocker/xapi-validation';
import { describe, expect, it } from 'vitest';
import { sha1, statementId, uuidV5, XAPI_ID_NAMESPACE } from '../../../core/xapi/ids';
import { completionRecordStatement, countClauses, examAttemptStatements, EXTENSIONS, institutionHomePage, isoDuration, VERBS, type ExamAttemptFacts, type XapiStatement } from '../../../core/xapi/statements';

const INSTITUTION = { name: '华东微针培训中心', homePage: institutionHomePage('0f3c9b2a4d5e6f708192a3b4c5d6e7f8') };
const MODULE = { id: 'quick', version: 2, hash: 'a'.repeat(64), title: { zh: '快速理论测验', en: 'Quick theory check' } };
const ATTEMPT: ExamAttemptFacts = {
  attemptId: 'exam-0007',
  person: { id: 'person-0003', name: '王芳' },
  module: MODULE,
  startedAt: '2026-11-01T08:00:00.000Z',
  submitted: { at: '2026-11-01T08:12:03.456Z', elapsedMs: 723_456, score: 87.5, passed: true, findingClauses: ['8.5.1', '10.2', '8.5.1'] },
};
const RECORD = { number: 'MN-2026-000001', person: ATTEMPT.person, profession: 'nurse' as const, issuedAt: '2026-11-02T09:00:00.000Z', validUntil: '2029-11-02T09:00:00.000Z', modules: [MODULE] };

function expectValid(statement: XapiStatement) {
  const warnings = validateStatement(JSON.parse(JSON.stringify(statement)));
  if (warnings.length) console.log(`xapi-validation warnings for ${statement.verb.id}:`, JSON.stringify(warnings, null, 2));
  expect(warnings).toEqual([]);
}

describe('xAPI statements', () => {
  it('an exam attempt gives attempted, completed and passed, each valid xAPI', () => {
    const [attempted, completed, passed] = examAttemptStatements(ATTEMPT, INSTITUTION);
    for (const s of [attempted!, completed!, passed!]) expectValid(s);
    expect([attempted, completed, passed].map((s) => s!.verb.id)).toEqual([VERBS.attempted.id, VERBS.completed.id, VERBS.passed.id]);
    expect(attempted).toMatchObject({ timestamp: ATTEMPT.startedAt, actor: { name: '王芳', account: { homePage: INSTITUTION.homePage, name: 'person-0003' } } });
    expect(attempted!.result).toBeUndefined();
    expect(completed).toMatchObject({ timestamp: '2026-11-01T08:12:03.456Z', result: { completion: true, duration: 'PT12M3.46S' } });
    expect(passed!.object).toEqual({
      objectType: 'Activity',
      id: 'https://microneedle-trainer.invalid/xapi/modules/quick/versions/2',
      definition: { name: { 'zh-CN': '快速理论测验', 'en-US': 'Quick theory check' }, type: 'http://adlnet.gov/expapi/activities/assessment' },
    });
    expect(passed!.result).toEqual({ score: { scaled: 0.875, raw: 87.5, min: 0, max: 100 }, success: true, completion: true, duration: 'PT12M3.46S' });
    expect(passed!.context.extensions[EXTENSIONS.clauseFindings]).toEqual({ '8.5.1': 2, '10.2': 1 });
    expect(passed!.context.extensions[EXTENSIONS.moduleHash]).toBe(MODULE.hash);
    expect(new Set([attempted, completed, passed].map((s) => s!.context.registration)).size).toBe(1);
  });

  it('a failed attempt gives failed; a running one only attempted', () => {
    const failed = examAttemptStatements({ ...ATTEMPT, submitted: { ...ATTEMPT.submitted!, score: 40, passed: false, findingClauses: [] } }, INSTITUTION)[2]!;
    expectValid(failed);
    expect(failed).toMatchObject({ verb: { id: VERBS.failed.id }, result: { success: false, score: { scaled: 0.4, raw: 40 } } });
    expect(examAttemptStatements({ ...ATTEMPT, submitted: null }, INSTITUTION).map((s) => s.verb.id)).toEqual([VERBS.attempted.id]);
    expect(() => examAttemptStatements({ ...ATTEMPT, submitted: { ...ATTEMPT.submitted!, score: 101 } }, INSTITUTION)).toThrow(/0-100/);
  });

  it('a completion record gives satisfied on the role track, valid xAPI', () => {
    const s = completionRecordStatement(RECORD, INSTITUTION);
    expectValid(s);
    expect(s).toMatchObject({
      verb: { id: 'https://w3id.org/xapi/adl/verbs/satisfied' },
      object: { id: 'https://microneedle-trainer.invalid/xapi/tracks/nurse', definition: { type: 'http://adlnet.gov/expapi/activities/course' } },
      result: { success: true, completion: true },
      timestamp: RECORD.issuedAt,
    });
    expect(s.context.extensions[EXTENSIONS.standardClause]).toBe('15.2.3');
    expect(s.context.contextActivities!.other!.map((a) => a.id)).toEqual(['https://microneedle-trainer.invalid/xapi/modules/quick/versions/2']);
  });

  it('ids are deterministic: the same facts give the same statements, other attempts other ids', () => {
    expect(examAttemptStatements(ATTEMPT, INSTITUTION)).toEqual(examAttemptStatements(structuredClone(ATTEMPT), INSTITUTION));
    expect(completionRecordStatement(RECORD, INSTITUTION)).toEqual(completionRecordStatement(structuredClone(RECORD), INSTITUTION));
    const ids = [...examAttemptStatements(ATTEMPT, INSTITUTION), ...examAttemptStatements({ ...ATTEMPT, attemptId: 'exam-0008' }, INSTITUTION), completionRecordStatement(RECORD, INSTITUTION)].map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(statementId('exam-0007', 'passed')).toBe(uuidV5(XAPI_ID_NAMESPACE, 'exam-0007/passed'));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('uuidV5 matches RFC 9562 (the DNS namespace example) and SHA-1 matches node:crypto', () => {
    // RFC 9562 appendix A.4: www.example.com in the DNS namespace.
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    for (const text of ['', 'abc', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), '微针'.repeat(100)]) {
      const bytes = new TextEncoder().encode(text);
      expect(Buffer.from(sha1(bytes)).toString('hex')).toBe(createHash('sha1').update(bytes).digest('hex'));
    }
    expect(() => uuidV5('not-a-uuid', 'x')).toThrow(/not a UUID/);
  });

  it('the validator does find problems (so its silence above means something)', () => {
    const broken = { ...examAttemptStatements(ATTEMPT, INSTITUTION)[0]!, verb: { id: 'attempted' }, timestamp: 'yesterday' };
    expect(validateStatement(broken).length).toBeGreaterThanOrEqual(2);
  });

  it('durations and clause counts', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(3_600_000)).toBe('PT1H');
    expect(isoDuration(3_723_450)).toBe('PT1H2M3.45S');
    expect(() => isoDuration(-1)).toThrow(/non-negative/);
    expect(countClauses(['10.1', '8.2', '8.2'])).toEqual({ '8.2': 2, '10.1': 1 });
  });
});
