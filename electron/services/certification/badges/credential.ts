// The Open Badges 3.0 AchievementCredential (a Verifiable Credential 2.0) made from a signed completion
// record, before its proof. What the JSON Schema of 1EdTech allows shapes it: `name` and `description` are
// plain strings (no language maps), so the achievement is in Chinese (inLanguage zh-CN) and the credential's
// own name and description in English; the criteria narrative carries both. The trainee is named only by
// salted SHA-256 identity hashes (OB 3.0 IdentityObject): the professional certificate number is never in clear.

import { createHash } from 'node:crypto';
import { ROLE_CLAUSES, type SignedRecord } from '../../../../core/certification/record';
import type { Profession } from '../../../../core/api/schemas/people';
import { OB_CONTEXT_V3_0_3, VC_CONTEXT_V2 } from './document-loader';

/** The evidence id of the completion record a badge stands for: urn:microneedle-record:MN-2026-000001. */
export const RECORD_EVIDENCE_PREFIX = 'urn:microneedle-record:';
/** UUID v5 namespace of badge ids (a fixed random UUID, so ids are stable across runs and machines). */
const BADGE_ID_NAMESPACE = '3b7f6c1e-58a4-4c2e-9d0b-6f1e2a9c7d45';

const ROLE_NAMES: Record<Profession, { zh: string; en: string }> = {
  physician: { zh: '医师', en: 'physician' },
  technician: { zh: '技师', en: 'technician' },
  nurse: { zh: '护士', en: 'nurse' },
};

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** RFC 9562 UUID v5 (SHA-1, name-based) of `name` in `namespace`. */
export function uuidV5(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The badge's id: a UUID v5 of the record number and the record's hash, so that the same record always
 * gets the same id and two institutions' MN-2026-000001 do not collide.
 */
export function badgeIdOf(signed: SignedRecord): string {
  return `urn:uuid:${uuidV5(BADGE_ID_NAMESPACE, `${signed.record.number}\n${signed.recordSha256}`)}`;
}

/**
 * OB 3.0 IdentityHash: 'sha256$' + hex SHA-256 of the identifier then the salt (UTF-8). The salt is
 * derived from the record's hash: published with the hash as OB 3.0 wants, and the same on every download.
 */
export function identityHash(identifier: string, salt: string): string {
  return `sha256$${sha256Hex(identifier + salt)}`;
}

export function identitySaltOf(signed: SignedRecord): string {
  return sha256Hex(`microneedle-ob3-identity-salt\n${signed.recordSha256}`).slice(0, 32);
}

export interface BadgeIssuer {
  /** did:key of the signing key. */
  did: string;
  /** The institution's name. */
  name: string;
}

/** The credential without its proof. */
export function unsignedBadge(signed: SignedRecord, issuer: BadgeIssuer): Record<string, unknown> {
  const { record, recordSha256 } = signed;
  const profession = record.role.profession;
  const role = ROLE_NAMES[profession];
  const clause = ROLE_CLAUSES[profession];
  const salt = identitySaltOf(signed);
  const modules = record.modules.map((m) => `${m.id} v${m.version}`).join(', ');
  return {
    '@context': [VC_CONTEXT_V2, OB_CONTEXT_V3_0_3],
    id: badgeIdOf(signed),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `Microneedling training completion: ${role.en} (${clause})`,
    description: `Completion record ${record.number} of ${issuer.name}: systematic microneedling training and a passed examination for ${role.en}s (clause ${clause}).`,
    issuer: { id: issuer.did, type: ['Profile'], name: issuer.name },
    validFrom: record.issuedAt,
    validUntil: record.validUntil,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        { type: 'IdentityObject', identityType: 'name', hashed: true, identityHash: identityHash(record.trainee.name, salt), salt },
        { type: 'IdentityObject', identityType: 'ext:professionalCertificateNumber', hashed: true, identityHash: identityHash(record.trainee.certificateNumber, salt), salt },
      ],
      achievement: {
        id: `urn:microneedle-trainer:achievement:${profession}:${clause}`,
        type: ['Achievement'],
        achievementType: 'CertificateOfCompletion',
        name: `微针操作培训合格证明（${role.zh}）`,
        description: `${role.zh}经系统培训并考核合格，可从事微针操作（标准第 ${clause} 条）。`,
        inLanguage: 'zh-CN',
        criteria: {
          narrative:
            `完成${role.zh}培训路径的全部模块（${modules}）并通过考核，见标准第 ${clause} 条。\n\n` +
            `Passed every module of the ${role.en} track (${modules}) and the examination, as clause ${clause} requires.`,
        },
      },
    },
    evidence: [
      {
        id: `${RECORD_EVIDENCE_PREFIX}${record.number}`,
        type: ['Evidence'],
        name: record.number,
        genre: 'Signed completion record',
        description: `recordSha256 ${recordSha256}`,
        narrative: `The signed completion record ${record.number}; SHA-256 of its canonical JSON: ${recordSha256}.`,
      },
    ],
  };
}
