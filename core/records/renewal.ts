// Where a completion record stands with its renewal, one definition for the trainee's home notice and the
// cohort view. recertifyBy (validUntil less the institution's lead, 90 days by the simulator's default) is
// the date to have sat the track's modules again by; the notice starts RENEWAL_NOTICE_DAYS before it.

export type RenewalStage = 'current' | 'due-soon' | 'due' | 'expired';

/** How many days before recertifyBy the trainee is told to renew. */
export const RENEWAL_NOTICE_DAYS = 90;
const DAY_MS = 86_400_000;

export interface RenewalDates {
  recertifyBy: string;
  validUntil: string;
}

/** current: more than RENEWAL_NOTICE_DAYS before recertifyBy; due-soon: within them; due: past recertifyBy; expired: past validUntil. */
export function renewalStage(r: RenewalDates, now: Date): RenewalStage {
  const t = now.getTime();
  if (t > Date.parse(r.validUntil)) return 'expired';
  const recertifyMs = Date.parse(r.recertifyBy);
  if (t > recertifyMs) return 'due';
  if (recertifyMs - t <= RENEWAL_NOTICE_DAYS * DAY_MS) return 'due-soon';
  return 'current';
}

/** Where a record stands for its holder and its readers: revoked, or its renewal stage without the notice window. */
export type RecordStanding = 'valid' | 'due' | 'expired' | 'revoked';

/** One definition for the certificates table, the trainee's file PDF and the exports. */
export function recordStanding(r: RenewalDates & { revoked: boolean }, now: Date): RecordStanding {
  if (r.revoked) return 'revoked';
  const stage = renewalStage(r, now);
  return stage === 'expired' || stage === 'due' ? stage : 'valid';
}

/** Whole days from `now` to recertifyBy (negative once it is past). */
export function daysToRecertify(r: RenewalDates, now: Date): number {
  return Math.floor((Date.parse(r.recertifyBy) - now.getTime()) / DAY_MS);
}

export interface HeldRecord extends RenewalDates {
  number: string;
  profession: string;
  issuedAt: string;
  revoked: unknown;
}

export interface RenewalNotice {
  stage: Exclude<RenewalStage, 'current'>;
  number: string;
  profession: string;
  recertifyBy: string;
  validUntil: string;
  daysLeft: number;
}

/**
 * What the trainee must be told about renewing: for each profession, the newest record not revoked (a
 * later one replaces it), when it is due soon, due or expired. Empty when they hold none or all are current.
 */
export function renewalNotices(records: readonly HeldRecord[], now: Date): RenewalNotice[] {
  const newest = new Map<string, HeldRecord>();
  for (const r of records) {
    if (r.revoked) continue;
    const seen = newest.get(r.profession);
    if (!seen || Date.parse(r.issuedAt) > Date.parse(seen.issuedAt)) newest.set(r.profession, r);
  }
  const out: RenewalNotice[] = [];
  for (const r of newest.values()) {
    const stage = renewalStage(r, now);
    if (stage === 'current') continue;
    out.push({ stage, number: r.number, profession: r.profession, recertifyBy: r.recertifyBy, validUntil: r.validUntil, daysLeft: daysToRecertify(r, now) });
  }
  return out.sort((a, b) => Date.parse(a.recertifyBy) - Date.parse(b.recertifyBy));
}
