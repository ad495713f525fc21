// The audit trail's actions and a short, readable line for each entry's details, in the UI language.
// Details are stored as main wrote them; only the fields worth a glance are shown, and names, user names
// and file names stay as typed (user content).

import type { TFunction } from 'i18next';
import { AUDIT_ACTIONS, type AuditEntry } from '../../../core/api/contract';
import { findPreset } from '../../../core/practice/presets';

/** Every action main records; others are shown as main names them. */
export { AUDIT_ACTIONS };

export function isKnownAction(action: string): boolean {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

/** One item of a details line: an optional label and its value; `user` marks what people typed, `raw` what main wrote in English. */
export interface DetailPart {
  label?: string;
  text: string;
  user?: boolean;
  raw?: boolean;
}

type Details = Record<string, unknown>;
const str = (d: Details, k: string): string | null => (typeof d[k] === 'string' ? (d[k] as string) : null);
const num = (d: Details, k: string): number | null => (typeof d[k] === 'number' ? (d[k] as number) : null);
const obj = (d: Details, k: string): Details => (d[k] && typeof d[k] === 'object' ? (d[k] as Details) : {});
const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

const KNOWN_REASONS: Record<string, string> = {
  'wrong PIN': 'wrongPin',
  'wrong password': 'wrongPassword',
  'wrong current password': 'wrongCurrentPassword',
  'unknown user': 'unknownUser',
  'inactive account': 'inactiveAccount',
  locked: 'locked',
};

export function auditDetailParts(entry: AuditEntry, t: TFunction, language: 'zh' | 'en', dateTime: (iso: string) => string): DetailPart[] {
  const d = entry.details;
  const parts: DetailPart[] = [];
  const label = (key: string, value: string | null, user = false) => {
    if (value === null || value === '') return;
    parts.push({ label: t('audit:details.labelled', { label: t(`audit:details.${key}`) }), text: value, user });
  };
  const role = (r: string | null) => (r ? t(`common:accountRoles.${r}`, { defaultValue: r }) : null);
  const score = () => {
    const s = num(d, 'score');
    if (s === null) return parts.push({ text: t('audit:details.notScored') });
    label('score', String(Math.round(s)));
    if (typeof d.passed === 'boolean') parts.push({ text: d.passed ? t('audit:details.passed') : t('audit:details.failed') });
  };
  const account = (a: string | null) => {
    if (!a) return;
    if (a.startsWith('user:')) label('username', a.slice(5), true);
    else if (a.startsWith('pin:')) label('pinOf', a.slice(4), true);
    else label('account', a, true);
  };

  switch (entry.action) {
    case 'institution.setup':
      label('institution', str(d, 'institutionName'), true);
      break;
    case 'institution.updated': {
      const before = obj(d, 'before');
      const after = obj(d, 'after');
      if (before.name !== after.name) label('institution', str(after, 'name'), true);
      if (before.traineePinRequired !== after.traineePinRequired) parts.push({ text: after.traineePinRequired ? t('audit:details.pinOn') : t('audit:details.pinOff') });
      break;
    }
    case 'person.created':
      label('name', str(d, 'name'), true);
      label('role', role(str(d, 'accountRole')));
      label('username', str(d, 'username'), true);
      break;
    case 'person.updated':
      label('name', str(obj(d, 'after'), 'name'), true);
      break;
    case 'person.deactivated':
    case 'person.reactivated':
      label('name', str(d, 'name'), true);
      break;
    case 'person.role-granted':
      label('roleChange', `${role(str(d, 'from'))} → ${role(str(d, 'to'))}`);
      label('username', str(d, 'username'), true);
      break;
    case 'person.password-reset':
      label('username', str(d, 'username'), true);
      break;
    case 'person.pin-changed':
      parts.push({ text: d.cleared ? t('audit:details.pinCleared') : t('audit:details.pinSet') });
      break;
    case 'auth.signed-in':
      label('role', role(str(d, 'accountRole')));
      break;
    case 'auth.sign-in-failed': {
      account(str(d, 'account'));
      const reason = str(d, 'reason');
      if (reason && KNOWN_REASONS[reason]) label('reason', t(`audit:details.reasons.${KNOWN_REASONS[reason]}`));
      else if (reason) parts.push({ text: reason, raw: true });
      label('failures', num(d, 'failures')?.toString() ?? null);
      break;
    }
    case 'auth.locked-out': {
      account(str(d, 'account'));
      const until = str(d, 'lockedUntil');
      label('lockedUntil', until ? dateTime(until) : null);
      break;
    }
    case 'attempt.started': {
      const preset = str(d, 'presetId');
      label('task', preset ? (findPreset(preset)?.title[language] ?? preset) : null);
      const mode = str(d, 'mode');
      if (mode) parts.push({ text: t(`audit:details.modes.${mode}`, { defaultValue: mode }) });
      break;
    }
    case 'attempt.stored':
    case 'attempt.abandoned':
      score();
      break;
    case 'attempt.imported':
      label('file', str(d, 'fileName'), true);
      score();
      break;
    case 'import.json-data':
      parts.push({ text: t('audit:details.imported', { profiles: num(d, 'profiles') ?? 0, sessions: num(d, 'sessions') ?? 0, rejected: num(d, 'rejected') ?? 0 }) });
      break;
    case 'backup.created': {
      const file = str(d, 'file');
      label('file', file ? baseName(file) : null, true);
      const reason = str(d, 'reason');
      if (reason) parts.push({ text: t(`audit:details.backupReasons.${reason}`, { defaultValue: reason }) });
      break;
    }
    case 'storage.restored': {
      const from = str(d, 'from');
      label('file', from ? baseName(from) : null, true);
      break;
    }
  }
  return parts;
}
