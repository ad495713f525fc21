// certificates.badge: the Open Badges 3.0 file of one completion record, signed now with the unlocked key.
// A trainee gets only their own; staff (instructors, administrators) any. A revoked record gets none.

import type { SignedIn } from '../../../../core/api/contract';
import { ApiFailure } from '../../../../core/api/errors';
import type { TrainingStore } from '../../db/store';
import type { Clock } from '../../runtime';
import type { KeyRing } from '../keys';
import { signedOf } from '../service';
import { issueBadge } from './issue';

export const BADGE_MEDIA_TYPE = 'application/ld+json' as const;

export interface BadgeFile {
  fileName: string;
  mediaType: typeof BADGE_MEDIA_TYPE;
  base64: string;
}

interface BadgeRow {
  person_id: string;
  record_json: string;
  signature_b64: string;
  key_fingerprint: string;
  revoked_at: string | null;
}

export function createBadgeFiles(deps: { store: TrainingStore; keys: KeyRing; institution: () => string; clock: Clock }) {
  return {
    async badge(caller: SignedIn, number: string): Promise<BadgeFile> {
      const row = deps.store.get<BadgeRow>('SELECT person_id, record_json, signature_b64, key_fingerprint, revoked_at FROM completion_records WHERE number = ?', number);
      // A trainee learns nothing of other trainees' numbers: theirs or not found.
      if (!row || (caller.accountRole === 'trainee' && row.person_id !== caller.personId)) throw new ApiFailure('not-found', `no completion record ${number}`, '/number');
      if (row.revoked_at) throw new ApiFailure('conflict', `record ${number} was revoked on ${row.revoked_at}: it gets no badge`, '/number');
      const badge = await issueBadge(signedOf(row), deps.keys, deps.institution(), { now: deps.clock.now() });
      return { fileName: `${number}.ob3.json`, mediaType: BADGE_MEDIA_TYPE, base64: Buffer.from(`${JSON.stringify(badge, null, 2)}\n`, 'utf8').toString('base64') };
    },
  };
}
