// xAPI 1.0.3 statements for exam attempts and completion records. Pure: main passes the stored facts
// (times, score, findings, the institution) and gets statements whose ids are derived from the attempt
// or record (ids.ts), so building them again gives the same statements and a resend is idempotent.
// The verbs and shapes follow the cmi5 vocabulary (attempted / completed / passed / failed for an
// assessment, satisfied for a track whose criteria are met) without claiming cmi5 conformance: cmi5 needs
// an LMS launch, and this app records its own exams. IRIs: docs/xapi-lrs.md.

import { registrationOf, statementId } from './ids';

/** The stable base of every activity and extension IRI this app mints (.invalid never resolves, so it is nobody else's). */
export const XAPI_BASE = 'https://microneedle-trainer.invalid/xapi/';
export const XAPI_VERSION = '1.0.3';
export const XAPI_PLATFORM = '微针操作实训考核系统 Microneedling Trainer';
export const XAPI_LANGUAGE = 'zh-CN';

export const VERBS = {
  attempted: { id: 'http://adlnet.gov/expapi/verbs/attempted', display: { 'en-US': 'attempted', 'zh-CN': '开始作答' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed', 'zh-CN': '完成' } },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed', 'zh-CN': '通过' } },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-US': 'failed', 'zh-CN': '未通过' } },
  satisfied: { id: 'https://w3id.org/xapi/adl/verbs/satisfied', display: { 'en-US': 'satisfied', 'zh-CN': '达到要求' } },
} as const;
export type VerbName = keyof typeof VERBS;

export const ACTIVITY_TYPES = { assessment: 'http://adlnet.gov/expapi/activities/assessment', course: 'http://adlnet.gov/expapi/activities/course' } as const;

export const EXTENSIONS = {
  institution: `${XAPI_BASE}extensions/institution`,
  moduleHash: `${XAPI_BASE}extensions/module-hash`,
  clauseFindings: `${XAPI_BASE}extensions/clause-findings`,
  examAttempt: `${XAPI_BASE}extensions/exam-attempt`,
  recordNumber: `${XAPI_BASE}extensions/record-number`,
  standardClause: `${XAPI_BASE}extensions/standard-clause`,
  validUntil: `${XAPI_BASE}extensions/valid-until`,
} as const;

export type Profession = 'technician' | 'nurse' | 'physician';
const ROLE_NAMES: Record<Profession, { zh: string; en: string; clause: string }> = {
  physician: { zh: '医师', en: 'physicians', clause: '15.2.1' },
  technician: { zh: '技师', en: 'technicians', clause: '15.2.2' },
  nurse: { zh: '护士', en: 'nurses', clause: '15.2.3' },
};

type LanguageMap = Record<string, string>;
export interface XapiActivity {
  objectType: 'Activity';
  id: string;
  definition: { name: LanguageMap; type: string };
}
export interface XapiStatement {
  id: string;
  actor: { objectType: 'Agent'; name: string; account: { homePage: string; name: string } };
  verb: { id: string; display: LanguageMap };
  object: XapiActivity;
  result?: { score?: { scaled: number; raw: number; min: number; max: number }; success?: boolean; completion?: boolean; duration?: string };
  context: {
    registration: string;
    platform: string;
    language: string;
    contextActivities?: { other?: XapiActivity[] };
    extensions: Record<string, unknown>;
  };
  timestamp: string;
}

export interface XapiInstitution {
  name: string;
  /** The institution's IRL: accounts are named within it (account.homePage). */
  homePage: string;
}
export interface XapiPerson {
  id: string;
  name: string;
}
export interface ModuleFacts {
  id: string;
  version: number;
  title: { zh: string; en: string };
}

export interface ExamAttemptFacts {
  attemptId: string;
  person: XapiPerson;
  module: ModuleFacts & { hash: string };
  startedAt: string;
  /** Null while the attempt runs: only `attempted` is made then. */
  submitted: null | {
    at: string;
    /** The time the attempt counted (open segments only), in milliseconds. */
    elapsedMs: number;
    score: number;
    passed: boolean;
    /** Every finding of the graded result, by the standard's clause. */
    findingClauses: readonly string[];
  };
}

export interface CompletionRecordFacts {
  number: string;
  person: XapiPerson;
  profession: Profession;
  issuedAt: string;
  validUntil: string;
  modules: readonly ModuleFacts[];
}

const iso = (at: string) => new Date(at).toISOString();

/** ISO 8601 duration of a millisecond count, to the hundredth of a second (xAPI keeps 0.01 s). */
export function isoDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new Error(`a duration must be a finite, non-negative number of milliseconds, not ${ms}`);
  const centis = Math.round(ms / 10);
  const hours = Math.floor(centis / 360_000);
  const minutes = Math.floor((centis % 360_000) / 6000);
  const seconds = (centis % 6000) / 100;
  const parts = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds || (!hours && !minutes) ? `${seconds}S` : ''}`;
  return `PT${parts}`;
}

/** How many findings the result has per clause, keys in clause order. */
export function countClauses(clauses: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  const sorted = [...clauses].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  for (const clause of sorted) counts[clause] = (counts[clause] ?? 0) + 1;
  return counts;
}

export const moduleActivityId = (m: Pick<ModuleFacts, 'id' | 'version'>) => `${XAPI_BASE}modules/${encodeURIComponent(m.id)}/versions/${m.version}`;
export const trackActivityId = (profession: Profession) => `${XAPI_BASE}tracks/${profession}`;
/** The institution's account home page: the base and the training file's own id, stable for the file's life. */
export const institutionHomePage = (trainingFileId: string) => `${XAPI_BASE}institutions/${encodeURIComponent(trainingFileId)}`;

const moduleActivity = (m: ModuleFacts): XapiActivity => ({
  objectType: 'Activity',
  id: moduleActivityId(m),
  definition: { name: { 'zh-CN': m.title.zh, 'en-US': m.title.en }, type: ACTIVITY_TYPES.assessment },
});
const trackActivity = (profession: Profession): XapiActivity => {
  const role = ROLE_NAMES[profession];
  return {
    objectType: 'Activity',
    id: trackActivityId(profession),
    definition: {
      name: { 'zh-CN': `${role.zh}微针治疗操作培训（${role.clause}）`, 'en-US': `Microneedling training track for ${role.en} (${role.clause})` },
      type: ACTIVITY_TYPES.course,
    },
  };
};
const actorOf = (person: XapiPerson, institution: XapiInstitution): XapiStatement['actor'] => ({
  objectType: 'Agent',
  name: person.name,
  account: { homePage: institution.homePage, name: person.id },
});
const verbOf = (name: VerbName) => ({ id: VERBS[name].id, display: { ...VERBS[name].display } });

/**
 * The statements of one exam attempt: `attempted` at its start and, once submitted, `completed` and
 * `passed` or `failed` at the submit time. Ids are `<attempt id>/<verb>`.
 */
export function examAttemptStatements(facts: ExamAttemptFacts, institution: XapiInstitution): XapiStatement[] {
  const base = (verb: VerbName, timestamp: string): XapiStatement => ({
    id: statementId(facts.attemptId, verb),
    actor: actorOf(facts.person, institution),
    verb: verbOf(verb),
    object: moduleActivity(facts.module),
    context: {
      registration: registrationOf(facts.attemptId),
      platform: XAPI_PLATFORM,
      language: XAPI_LANGUAGE,
      extensions: { [EXTENSIONS.institution]: { name: institution.name, homePage: institution.homePage }, [EXTENSIONS.moduleHash]: facts.module.hash, [EXTENSIONS.examAttempt]: facts.attemptId },
    },
    timestamp: iso(timestamp),
  });
  const statements = [base('attempted', facts.startedAt)];
  const s = facts.submitted;
  if (!s) return statements;
  if (!(s.score >= 0 && s.score <= 100)) throw new Error(`exam attempt ${facts.attemptId}: a score must be within 0-100, not ${s.score}`);
  const duration = isoDuration(s.elapsedMs);
  const completed = base('completed', s.at);
  completed.result = { completion: true, duration };
  const judged = base(s.passed ? 'passed' : 'failed', s.at);
  judged.result = { score: { scaled: Math.round(s.score * 100) / 10_000, raw: s.score, min: 0, max: 100 }, success: s.passed, completion: true, duration };
  judged.context.extensions[EXTENSIONS.clauseFindings] = countClauses(s.findingClauses);
  return [...statements, completed, judged];
}

/**
 * The statement of a completion record: `satisfied` on the role's track (the record says every module of the
 * track stands passed, 15.2), at the issue time. Its id is `<record number>/satisfied`.
 */
export function completionRecordStatement(facts: CompletionRecordFacts, institution: XapiInstitution): XapiStatement {
  return {
    id: statementId(facts.number, 'satisfied'),
    actor: actorOf(facts.person, institution),
    verb: verbOf('satisfied'),
    object: trackActivity(facts.profession),
    result: { success: true, completion: true },
    context: {
      registration: registrationOf(facts.number),
      platform: XAPI_PLATFORM,
      language: XAPI_LANGUAGE,
      contextActivities: { other: facts.modules.map(moduleActivity) },
      extensions: {
        [EXTENSIONS.institution]: { name: institution.name, homePage: institution.homePage },
        [EXTENSIONS.recordNumber]: facts.number,
        [EXTENSIONS.standardClause]: ROLE_NAMES[facts.profession].clause,
        [EXTENSIONS.validUntil]: iso(facts.validUntil),
      },
    },
    timestamp: iso(facts.issuedAt),
  };
}
