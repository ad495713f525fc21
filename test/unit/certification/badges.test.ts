// Open Badges 3.0 credentials of completion records: issued offline with an eddsa-rdfc-2022 Data Integrity
// proof through the key ring, valid against 1EdTech's AchievementCredential JSON Schema (vendored), and
// verified offline; a changed byte, a foreign key, a revoked record and an expired one each fail by name.

import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { describe, expect, it, vi } from 'vitest';
import { createKeyRing, fingerprintOf, type KeyRing } from '../../../electron/services/certification/keys';
import { badgesFor, issueBadge } from '../../../electron/services/certification/badges/issue';
import { verifyBadge } from '../../../electron/services/certification/badges/verify';
import { offlineDocumentLoader, OB_CONTEXT_V3_0_3, RefusedDocumentError, VC_CONTEXT_V2 } from '../../../electron/services/certification/badges/document-loader';
import { passQuickModule, quickCatalog } from '../../helpers/quick-exam';
import { NURSE, seededInstitution } from '../../helpers/training-services';
import { ok } from '../training-file/helpers';

const PASS = 'a long admin passphrase';
const INSTITUTION = '华东微针培训中心';
const SCHEMA = JSON.parse(readFileSync(path.resolve(__dirname, '../../fixtures/ob3/achievementcredential.json'), 'utf8')) as object;

function schemaValidator() {
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(SCHEMA);
}

async function issuedRecord() {
  const s = await seededInstitution({ exams: quickCatalog() });
  ok(await s.admin.certificates.setupKey({ passphrase: PASS }));
  await passQuickModule(s);
  const record = ok(await s.instructor.certificates.issue({ personId: s.people.nurse.id }));
  const ring = s.services.live()!.certificates.keys;
  return { s, record, ring, publicKeys: ring.all() };
}

/** A ring that is not the institution's: its own Ed25519 key, unlocked. */
function foreignRing(): KeyRing {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const info = { fingerprint: fingerprintOf(publicKey), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), wrapMethod: 'passphrase-scrypt' as const, createdAt: '2026-01-01T00:00:00.000Z', retiredAt: null };
  const refuse = () => Promise.reject(new Error('not used'));
  return { all: () => [info], active: () => info, setup: refuse, unlock: refuse, rotate: refuse, unlocked: () => true, sign: (bytes) => ({ signatureB64: sign(null, bytes, privateKey).toString('base64'), fingerprint: info.fingerprint }) };
}

const decode = (file: { base64: string }) => Buffer.from(file.base64, 'base64').toString('utf8');

describe('Open Badges 3.0 credentials', () => {
  it('a badge for an issued record matches 1EdTech\'s JSON Schema and verifies offline, without the network', async () => {
    const { s, record, ring, publicKeys } = await issuedRecord();
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const badge = await issueBadge(record.signed, ring, INSTITUTION, { now: s.clock.now() });
    const validate = schemaValidator();
    expect(validate(badge), JSON.stringify(validate.errors)).toBe(true);
    expect(badge).toMatchObject({
      '@context': [VC_CONTEXT_V2, OB_CONTEXT_V3_0_3],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { type: ['Profile'], name: INSTITUTION, id: expect.stringMatching(/^did:key:z6Mk/) },
      validFrom: record.issuedAt,
      validUntil: record.validUntil,
      credentialSubject: { achievement: { achievementType: 'CertificateOfCompletion', inLanguage: 'zh-CN', criteria: { narrative: expect.stringContaining('15.2.3') } } },
      evidence: [{ id: `urn:microneedle-record:${record.number}`, description: `recordSha256 ${record.signed.recordSha256}` }],
      proof: [{ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod' }],
    });
    const text = JSON.stringify(badge);
    // The professional certificate number is only in the salted hash; the id is the same on every issue.
    expect(text).not.toContain(NURSE.certificateNumber);
    expect(text).not.toContain(NURSE.name);
    expect(text).toContain(createHash('sha256').update(NURSE.certificateNumber + (badge.credentialSubject as { identifier: { salt: string }[] }).identifier[1]!.salt).digest('hex'));
    expect((await issueBadge(record.signed, ring, INSTITUTION, { now: s.clock.now() })).id).toBe(badge.id);
    expect(await verifyBadge(text, { publicKeys, revokedNumbers: new Set(), now: s.clock.now() })).toEqual({ ok: true, problems: [], number: record.number });
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });

  it('a changed byte of the name, validUntil or the proof value fails as signature; not JSON or not a badge as format', async () => {
    const { s, record, ring, publicKeys } = await issuedRecord();
    const text = JSON.stringify(await issueBadge(record.signed, ring, INSTITUTION, { now: s.clock.now() }), null, 2);
    const check = async (t: string) => (await verifyBadge(t, { publicKeys, revokedNumbers: new Set(), now: s.clock.now() })).problems;
    const doc = JSON.parse(text) as { credentialSubject: { achievement: { name: string } }; proof: { proofValue: string }[] };
    expect(await check(text.replace('微针操作培训合格证明（护士）', '微针操作培训合格证明（医师）'))).toEqual(['signature']);
    expect(await check(text.replace(`"validUntil": "${record.validUntil}"`, '"validUntil": "2039-11-01T08:00:00.000Z"'))).toEqual(['signature']);
    const value = doc.proof[0]!.proofValue;
    const at = value.search(/[2-9]/);
    const changed = `${value.slice(0, at)}${value[at] === '9' ? '8' : String(Number(value[at]) + 1)}${value.slice(at + 1)}`;
    expect(await check(text.replace(value, changed))).toEqual(['signature']);
    expect(await check('not json')).toEqual(['format']);
    expect(await check(JSON.stringify(record.signed))).toEqual(['format']);
    // A context the app does not bundle is never fetched: the badge cannot be read offline.
    const withContext = JSON.parse(text) as { '@context': string[] };
    withContext['@context'].push('https://example.org/extra-context.json');
    expect(await check(JSON.stringify(withContext))).toEqual(['format']);
  });

  it('a badge signed by a key outside the ring fails as unknown-key; a revoked record as revoked; after validUntil as expired', async () => {
    const { s, record, ring, publicKeys } = await issuedRecord();
    const foreign = JSON.stringify(await issueBadge(record.signed, foreignRing(), INSTITUTION, { now: s.clock.now() }));
    expect(await verifyBadge(foreign, { publicKeys, revokedNumbers: new Set(), now: s.clock.now() })).toEqual({ ok: false, problems: ['unknown-key'], number: record.number });
    const text = JSON.stringify(await issueBadge(record.signed, ring, INSTITUTION, { now: s.clock.now() }));
    expect((await verifyBadge(text, { publicKeys, revokedNumbers: new Set([record.number]), now: s.clock.now() })).problems).toEqual(['revoked']);
    expect((await verifyBadge(text, { publicKeys, revokedNumbers: new Set(), now: new Date(Date.parse(record.validUntil) + 1000) })).problems).toEqual(['expired']);
    expect((await verifyBadge(text, { publicKeys, revokedNumbers: new Set(), now: new Date(Date.parse(record.validUntil) - 1000) })).ok).toBe(true);
    // After a rotation the retired key still verifies what it signed.
    ok(await s.admin.certificates.rotateKey({ passphrase: PASS, newPassphrase: 'the next long passphrase' }));
    expect((await verifyBadge(text, { publicKeys: ring.all(), revokedNumbers: new Set(), now: s.clock.now() })).ok).toBe(true);
  });

  it('a locked key is a conflict; the loader refuses any URL it does not bundle, naming it', async () => {
    const { s, record } = await issuedRecord();
    const locked = createKeyRing(s.services.live()!.store, s.clock);
    await expect(issueBadge(record.signed, locked, INSTITUTION)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/locked/) });
    const load = await offlineDocumentLoader([]);
    await expect(load('https://www.w3.org/2018/credentials/v1')).rejects.toThrow(RefusedDocumentError);
    await expect(load('https://example.org/context.json')).rejects.toThrow(/refuses https:\/\/example\.org\/context\.json/);
    await expect(load('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK')).rejects.toThrow(/refuses did:key/);
    expect((await load(OB_CONTEXT_V3_0_3)).document).toHaveProperty('@context');
  });

  it('certificates.badge gives a trainee their own badge and staff any; none for another trainee or a revoked record', async () => {
    const { s, record, publicKeys } = await issuedRecord();
    const file = ok(await s.trainee.certificates.badge({ number: record.number }));
    expect(file).toMatchObject({ fileName: `${record.number}.ob3.json`, mediaType: 'application/ld+json' });
    expect(await verifyBadge(decode(file), { publicKeys, revokedNumbers: new Set(), now: s.clock.now() })).toEqual({ ok: true, problems: [], number: record.number });
    expect(ok(await s.instructor.certificates.badge({ number: record.number })).fileName).toBe(file.fileName);
    expect(await s.trainee2.certificates.badge({ number: record.number })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await s.admin.certificates.badge({ number: 'MN-2026-000099' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    ok(await s.admin.certificates.revoke({ number: record.number, reason: 'issued in error' }));
    expect(await s.admin.certificates.badge({ number: record.number })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('badgesFor signs many records; issue and verify time per credential', async () => {
    const { s, record, ring, publicKeys } = await issuedRecord();
    const n = 20;
    const records = Array.from({ length: n }, () => record.signed);
    const started = performance.now();
    const badges: object[] = [];
    for await (const badge of badgesFor(records, ring, INSTITUTION, { now: s.clock.now() })) badges.push(badge);
    const issueMs = (performance.now() - started) / n;
    const t = performance.now();
    for (const badge of badges) expect((await verifyBadge(JSON.stringify(badge), { publicKeys, revokedNumbers: new Set(), now: s.clock.now() })).ok).toBe(true);
    const verifyMs = (performance.now() - t) / n;
    console.log(`OB 3.0 badge (eddsa-rdfc-2022): issue ${issueMs.toFixed(1)} ms, verify ${verifyMs.toFixed(1)} ms per credential (${n} each)`);
    expect(badges).toHaveLength(n);
  }, 60_000);
});
