// Verifies an Open Badges 3.0 credential issued by badges/issue.ts, offline: its shape, that the proof is an
// eddsa-rdfc-2022 DataIntegrityProof by one of the institution's keys and holds, that the completion record it
// stands for is not revoked, and that it is not past validUntil. Problems reuse the completion record's names.

import { verifyCredential } from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { z } from 'zod';
import { recordNumberSchema, type PublicKeyEntry, type RecordProblem } from '../../../../core/certification/record';
import { RECORD_EVIDENCE_PREFIX } from './credential';
import { didKeyOf, offlineDocumentLoader, VC_CONTEXT_V2 } from './document-loader';

/** A badge's problems: a subset of RECORD_PROBLEMS (no 'hash': the proof covers the whole document). */
export type BadgeProblem = Extract<RecordProblem, 'format' | 'signature' | 'unknown-key' | 'revoked' | 'expired'>;

export interface BadgeVerification {
  ok: boolean;
  problems: BadgeProblem[];
  /** The completion record's number (from the evidence) when the document could be read. */
  number: string | null;
}

const isoZ = z.iso.datetime({ offset: true });
/** What verifying needs of the document; 1EdTech's full JSON Schema is checked in the tests (ajv is a dev tool). */
const badgeShape = z.looseObject({
  '@context': z.tuple([z.literal(VC_CONTEXT_V2), z.string().regex(/^https:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\/context(-3\.\d\.\d)*\.json$/)], z.unknown()),
  id: z.string().min(1),
  type: z.array(z.string()).refine((t) => t.includes('VerifiableCredential') && (t.includes('OpenBadgeCredential') || t.includes('AchievementCredential')), 'not an OpenBadgeCredential'),
  issuer: z.union([z.string(), z.looseObject({ id: z.string() })]),
  validFrom: isoZ,
  validUntil: isoZ.optional(),
  credentialSubject: z.looseObject({ type: z.array(z.string()).refine((t) => t.includes('AchievementSubject')), achievement: z.looseObject({ id: z.string(), type: z.array(z.string()), name: z.string(), description: z.string(), criteria: z.looseObject({}) }) }),
  evidence: z.array(z.looseObject({ id: z.string().optional() })).optional(),
  proof: z.tuple([z.looseObject({ type: z.literal('DataIntegrityProof'), cryptosuite: z.literal('eddsa-rdfc-2022'), verificationMethod: z.string(), proofValue: z.string() })]),
});

function numberOf(evidence: { id?: string }[] | undefined): string | null {
  const id = evidence?.find((e) => e.id?.startsWith(RECORD_EVIDENCE_PREFIX))?.id;
  const parsed = recordNumberSchema.safeParse(id?.slice(RECORD_EVIDENCE_PREFIX.length));
  return parsed.success ? parsed.data : null;
}

/** Every message in a (nested) verification error, to tell a refused document from a failed signature. */
function messagesOf(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== 'object' || depth > 6) return [];
  const e = error as { message?: unknown; errors?: unknown; cause?: unknown; details?: { cause?: unknown } };
  const own = typeof e.message === 'string' ? [e.message] : [];
  const nested = [...(Array.isArray(e.errors) ? e.errors : []), e.cause, e.details?.cause];
  return [...own, ...nested.flatMap((n) => messagesOf(n, depth + 1))];
}

/**
 * Checks the text of a badge file. `publicKeys` are the institution's keys (retired ones included);
 * `revokedNumbers` the record numbers it has revoked; `now` the time to check validUntil against.
 */
export async function verifyBadge(text: string, options: { publicKeys: readonly PublicKeyEntry[]; revokedNumbers: ReadonlySet<string>; now: Date }): Promise<BadgeVerification> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return { ok: false, problems: ['format'], number: null };
  }
  const parsed = badgeShape.safeParse(document);
  if (!parsed.success) return { ok: false, problems: ['format'], number: null };
  const badge = parsed.data;
  const number = numberOf(badge.evidence);
  const problems: BadgeProblem[] = [];

  const known = await Promise.all(options.publicKeys.map(didKeyOf));
  const key = known.find((k) => k.verificationMethod === badge.proof[0].verificationMethod);
  if (!key) problems.push('unknown-key');
  else {
    const documentLoader = await offlineDocumentLoader(options.publicKeys.filter((k) => k.fingerprint === key.fingerprint));
    // The proof is checked as of validFrom: expiry is reported here as 'expired', not as a failed proof.
    const result = await verifyCredential({ credential: badge, suite: new DataIntegrityProof({ cryptosuite }), documentLoader, now: new Date(badge.validFrom) }).catch((error: unknown) => ({ verified: false, error }));
    if (!result.verified) {
      const messages = messagesOf(result.error).concat(...('results' in result && result.results ? result.results.map((r) => messagesOf(r.error)) : []));
      // A context other than the bundled ones cannot be read offline: the document is not in our format.
      problems.push(messages.some((m) => m.includes('offline document loader refuses')) ? 'format' : 'signature');
    }
  }
  if (number && options.revokedNumbers.has(number)) problems.push('revoked');
  if (badge.validUntil && options.now.getTime() > Date.parse(badge.validUntil)) problems.push('expired');
  return { ok: problems.length === 0, problems, number };
}
