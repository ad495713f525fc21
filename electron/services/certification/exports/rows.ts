// One exported row per completion record or submitted exam attempt, and its columns with their headers in
// the UI language (zh or en). The record's fields come from its signed document (record_json), never from
// what is beside it; status is worked out at export time (current, due for renewal, expired, revoked).

import { recordStanding } from '../../../../core/records/renewal';
import type { AttemptRowDb, RecordRowDb } from './filters';

export type ExportLang = 'zh' | 'en';
export type RecordStatus = 'current' | 'due' | 'expired' | 'revoked';
export type Cell = string | number | null;

export interface Column<R> {
  key: string;
  header: Record<ExportLang, string>;
  value: (row: R, lang: ExportLang) => Cell;
  /** Spreadsheet column width in characters. */
  width: number;
}

const PROFESSION: Record<string, Record<ExportLang, string>> = {
  technician: { zh: '技师', en: 'technician' },
  nurse: { zh: '护士', en: 'nurse' },
  physician: { zh: '医师', en: 'physician' },
};
const STATUS: Record<RecordStatus, Record<ExportLang, string>> = {
  current: { zh: '有效', en: 'current' },
  due: { zh: '待复训', en: 'due for renewal' },
  expired: { zh: '已过期', en: 'expired' },
  revoked: { zh: '已撤销', en: 'revoked' },
};
const RESULT: Record<'pass' | 'fail', Record<ExportLang, string>> = { pass: { zh: '合格', en: 'pass' }, fail: { zh: '不合格', en: 'fail' } };
const YES_NO: Record<'yes' | 'no', Record<ExportLang, string>> = { yes: { zh: '是', en: 'yes' }, no: { zh: '否', en: 'no' } };

export const professionLabel = (p: string | null, lang: ExportLang): string => (p ? (PROFESSION[p]?.[lang] ?? p) : '');

export interface ExportRecord {
  row: RecordRowDb;
  status: RecordStatus;
}

export function recordStatusAt(row: Pick<RecordRowDb, 'revoked_at' | 'valid_until' | 'recertify_by'>, now: Date): RecordStatus {
  const standing = recordStanding({ revoked: row.revoked_at !== null, validUntil: row.valid_until, recertifyBy: row.recertify_by }, now);
  // The export's token for a valid record is 'current' (docs/exports.md).
  return standing === 'valid' ? 'current' : standing;
}

export const toExportRecord = (row: RecordRowDb, now: Date): ExportRecord => ({ row, status: recordStatusAt(row, now) });

export const RECORD_COLUMNS: readonly Column<ExportRecord>[] = [
  { key: 'number', header: { zh: '证明编号', en: 'Record number' }, value: (r) => r.row.number, width: 16 },
  { key: 'traineeId', header: { zh: '学员编号', en: 'Trainee ID' }, value: (r) => r.row.person_id, width: 14 },
  { key: 'traineeName', header: { zh: '姓名', en: 'Name' }, value: (r) => r.row.trainee_name, width: 12 },
  { key: 'profession', header: { zh: '职业类别', en: 'Profession' }, value: (r, l) => professionLabel(r.row.profession, l), width: 10 },
  { key: 'clause', header: { zh: '规范条款', en: 'Clause' }, value: (r) => r.row.clause, width: 8 },
  { key: 'certificateNumber', header: { zh: '执业证书编号', en: 'Professional certificate number' }, value: (r) => r.row.certificate_number, width: 18 },
  { key: 'modules', header: { zh: '考核模块', en: 'Modules' }, value: (r) => r.row.modules, width: 28 },
  { key: 'issuedAt', header: { zh: '签发时间', en: 'Issued at' }, value: (r) => r.row.issued_at, width: 24 },
  { key: 'issuedBy', header: { zh: '签发人', en: 'Issued by' }, value: (r) => r.row.issued_by, width: 12 },
  { key: 'validUntil', header: { zh: '有效期至', en: 'Valid until' }, value: (r) => r.row.valid_until, width: 24 },
  { key: 'recertifyBy', header: { zh: '复训截止', en: 'Recertify by' }, value: (r) => r.row.recertify_by, width: 24 },
  { key: 'status', header: { zh: '状态', en: 'Status' }, value: (r, l) => STATUS[r.status][l], width: 10 },
  { key: 'revokedAt', header: { zh: '撤销时间', en: 'Revoked at' }, value: (r) => r.row.revoked_at, width: 24 },
  { key: 'revokeReason', header: { zh: '撤销原因', en: 'Reason for revoking' }, value: (r) => r.row.revoke_reason, width: 24 },
  { key: 'keyFingerprint', header: { zh: '签名密钥指纹', en: 'Signing key fingerprint' }, value: (r) => r.row.key_fingerprint, width: 66 },
];

export const ATTEMPT_COLUMNS: readonly Column<AttemptRowDb>[] = [
  { key: 'attemptId', header: { zh: '考核记录编号', en: 'Exam attempt ID' }, value: (a) => a.id, width: 16 },
  { key: 'traineeId', header: { zh: '学员编号', en: 'Trainee ID' }, value: (a) => a.person_id, width: 14 },
  { key: 'traineeName', header: { zh: '姓名', en: 'Name' }, value: (a) => a.person_name, width: 12 },
  { key: 'profession', header: { zh: '职业类别', en: 'Profession' }, value: (a, l) => professionLabel(a.profession, l), width: 10 },
  { key: 'certificateNumber', header: { zh: '执业证书编号', en: 'Professional certificate number' }, value: (a) => a.certificate_number, width: 18 },
  { key: 'module', header: { zh: '考核模块', en: 'Module' }, value: (a) => a.module_id, width: 16 },
  { key: 'moduleVersion', header: { zh: '模块版本', en: 'Module version' }, value: (a) => a.module_version, width: 8 },
  { key: 'attemptNo', header: { zh: '第几次', en: 'Attempt no.' }, value: (a) => a.attempt_no, width: 8 },
  { key: 'submittedAt', header: { zh: '提交时间', en: 'Submitted at' }, value: (a) => a.submitted_at, width: 24 },
  { key: 'score', header: { zh: '得分', en: 'Score' }, value: (a) => a.score, width: 8 },
  { key: 'result', header: { zh: '结果', en: 'Result' }, value: (a, l) => (a.passed === null ? '' : RESULT[a.passed === 1 ? 'pass' : 'fail'][l]), width: 8 },
  { key: 'criticalFailure', header: { zh: '安全项不合格', en: 'Critical (safety) failure' }, value: (a, l) => (a.critical_failure === null ? '' : YES_NO[a.critical_failure === 1 ? 'yes' : 'no'][l]), width: 10 },
  { key: 'regraded', header: { zh: '已重新评分', en: 'Regraded' }, value: (a, l) => YES_NO[a.regraded ? 'yes' : 'no'][l], width: 8 },
];

export const KIND_HEADER: Record<ExportLang, string> = { zh: '类别', en: 'Kind' };
export const KIND_LABEL: Record<'record' | 'attempt', Record<ExportLang, string>> = { record: { zh: '培训合格证明', en: 'Completion record' }, attempt: { zh: '考核记录', en: 'Exam attempt' } };
export const SHEET_NAMES: Record<'records' | 'attempts', Record<ExportLang, string>> = { records: { zh: '培训合格证明', en: 'Completion records' }, attempts: { zh: '考核记录', en: 'Exam attempts' } };

/**
 * CSV holds one table: the kind, then every column of either kind once by key (records' first, then the
 * attempts' own), blank where a column belongs to the other kind. Each kind's cells come from a plain list
 * of functions, built once (100,000 rows go through it).
 */
export interface CsvTable {
  header: (lang: ExportLang) => string[];
  recordCells: (r: ExportRecord, lang: ExportLang) => Cell[];
  attemptCells: (a: AttemptRowDb, lang: ExportLang) => Cell[];
}

export const CSV_TABLE: CsvTable = (() => {
  const keys = [...new Set([...RECORD_COLUMNS.map((c) => c.key), ...ATTEMPT_COLUMNS.map((c) => c.key)])];
  const rec = keys.map((k) => RECORD_COLUMNS.find((c) => c.key === k));
  const att = keys.map((k) => ATTEMPT_COLUMNS.find((c) => c.key === k));
  const headers = keys.map((_, i) => (rec[i]?.header ?? att[i]?.header)!);
  const cells = <R>(columns: (Column<R> | undefined)[], kind: 'record' | 'attempt') => (row: R, lang: ExportLang) => {
    const out: Cell[] = [KIND_LABEL[kind][lang]];
    for (const c of columns) out.push(c ? c.value(row, lang) : null);
    return out;
  };
  return { header: (lang) => [KIND_HEADER[lang], ...headers.map((h) => h[lang])], recordCells: cells(rec, 'record'), attemptCells: cells(att, 'attempt') };
})();
