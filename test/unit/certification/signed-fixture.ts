// A signed completion record made outside the services, for the PDF and QR tests: its own Ed25519 key, the
// number of modules asked and a long Chinese institution name (the worst case for the QR's length).

import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { RECORD_FORMAT, recordBytes, SIGNED_RECORD_FORMAT, type CompletionRecord, type PublicKeyEntry, type SignedRecord } from '../../../core/certification/record';
import { fingerprintOf } from '../../../electron/services/certification/keys';

export const LONG_INSTITUTION = '上海市第一人民医院皮肤美容科微针操作规范化培训中心（华东区域示范基地）';

export function signedFixture(options: { modules?: number; institution?: string; name?: string } = {}): { signed: SignedRecord; bytes: Uint8Array; publicKeys: PublicKeyEntry[] } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const record: CompletionRecord = {
    format: RECORD_FORMAT,
    version: 1,
    number: 'MN-2026-000123',
    trainee: { id: 'person-00a1', name: options.name ?? '欧阳晓晴', profession: 'nurse', certificateNumber: 'N-2024-000123456', certificateKind: 'nurse-practising' },
    role: { profession: 'nurse', clause: '15.2.3' },
    modules: Array.from({ length: options.modules ?? 6 }, (_, i) => ({
      id: `nurse-module-${i + 1}-theory`,
      version: 3,
      hash: createHash('sha256').update(`module ${i}`).digest('hex'),
      score: 87.5,
      passedAt: `2026-10-${String(10 + i).padStart(2, '0')}T08:00:00.000Z`,
      examAttemptId: `exam-attempt-${String(i).padStart(4, '0')}`,
    })),
    institution: { name: options.institution ?? LONG_INSTITUTION },
    issuedBy: { id: 'person-00a2', name: '张医生' },
    issuedAt: '2026-11-01T08:00:00.000Z',
    validUntil: '2029-11-01T08:00:00.000Z',
    recertifyBy: '2029-08-03T08:00:00.000Z',
    validityBasis: 'institution-policy',
  };
  const bytes = recordBytes(record);
  const fingerprint = fingerprintOf(publicKey);
  const signed: SignedRecord = {
    format: SIGNED_RECORD_FORMAT,
    version: 1,
    record,
    recordSha256: createHash('sha256').update(bytes).digest('hex'),
    signature: { algorithm: 'Ed25519', keyFingerprint: fingerprint, value: sign(null, bytes, privateKey).toString('base64') },
  };
  return { signed, bytes, publicKeys: [{ fingerprint, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() }] };
}
