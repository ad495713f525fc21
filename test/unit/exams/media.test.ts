// Question images (issue 9): uploaded by instructors (checked by magic number, at most 2 MB, hashed in
// main), named by a question by sha256 (a draft naming an unknown image has a problem at /image/sha256),
// shown to the trainee in their exam (media.get), and carried by exam packs into a fresh training file.

import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { NURSE, seededInstitution } from '../../helpers/training-services';
import { ok } from '../training-file/helpers';

type Seeded = Awaited<ReturnType<typeof seededInstitution>>;

export const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]).toString('base64');
const sha = (b64: string) => createHash('sha256').update(Buffer.from(b64, 'base64')).digest('hex');
const ALT = { zh: '眼睑区域示意图', en: 'Diagram of the eyelid region' };

const question = (id: string, image: object | undefined) => ({
  id,
  version: 1,
  type: 'true-false',
  clauses: ['8.5.1'],
  difficulty: 3,
  stem: { zh: `${id}：图示区域推荐针长 0.25 mm。`, en: `${id}: the region shown takes a 0.25 mm needle.` },
  explanation: { zh: '8.5.1：眼睑 0.25 mm。', en: '8.5.1: 0.25 mm for the eyelids.' },
  key: true,
  ...(image ? { image } : {}),
});

async function publish(s: Seeded, kind: 'question' | 'exam-module', document: object) {
  const draft = ok(await s.instructor.authoring.saveDraft({ kind, document }));
  expect(draft.problems).toEqual([]);
  return ok(await s.instructor.authoring.publish({ draftId: draft.draftId }));
}

/** A module whose one knowledge draw takes every true/false difficulty-3 question of 8.5.1 (the image one among them). */
async function moduleDrawingAll(s: Seeded) {
  const module = {
    kind: 'exam-module',
    formatVersion: 1,
    id: 'eyelid-image-check',
    version: 1,
    title: { zh: '图片题小测', en: 'Image question check' },
    description: { zh: '带教老师编写', en: 'Written by an instructor' },
    certifies: ['nurse'],
    procedure: null,
    syllabus: [{ clause: '8.5.1' }],
    parts: [{ id: 'knowledge', kind: 'knowledge', title: { zh: '理论', en: 'Theory' }, timeLimitMin: 5, minScore: 60, weight: 1, draws: [{ clauses: ['8.5.1'], difficulty: [3], types: ['true-false'], count: 200 }] }],
    passRule: { overallMin: 60, attemptsAllowed: 5, retakeWaitHours: 0, consecutivePasses: 1 },
    release: { results: 'immediate', solutions: 'after-submit' },
  };
  const probe = ok(await s.instructor.authoring.saveDraft({ kind: 'exam-module', document: module }));
  const n = Number(/the bank has (\d+) matching/.exec(probe.problems.find((p) => p.pointer === '/parts/0/draws/0/count')?.message ?? '')?.[1]);
  ok(await s.instructor.authoring.discardDraft({ draftId: probe.draftId }));
  expect(n).toBeGreaterThanOrEqual(1);
  await publish(s, 'exam-module', { ...module, parts: [{ ...module.parts[0]!, draws: [{ ...module.parts[0]!.draws[0]!, count: n }] }] });
}

describe('uploading question images', () => {
  it('stores a PNG with the hash main computes, audited; refuses a non-image, a wrong type and a too large file', async () => {
    const s = await seededInstitution();
    const up = ok(await s.instructor.authoring.uploadMedia({ mediaType: 'image/png', base64: PNG_1X1 }));
    expect(up).toEqual({ sha256: sha(PNG_1X1), mediaType: 'image/png', bytes: Buffer.from(PNG_1X1, 'base64').length });
    // The same bytes again: the same hash, nothing new stored.
    expect(ok(await s.instructor.authoring.uploadMedia({ mediaType: 'image/png', base64: PNG_1X1 })).sha256).toBe(up.sha256);
    expect(ok(await s.admin.audit.list({ action: 'media.uploaded' })).entries).toHaveLength(1);

    const text = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64');
    expect(await s.instructor.authoring.uploadMedia({ mediaType: 'image/png', base64: text })).toMatchObject({ ok: false, error: { code: 'invalid-payload', message: expect.stringMatching(/not a PNG, JPEG or WebP/) } });
    expect(await s.instructor.authoring.uploadMedia({ mediaType: 'image/webp', base64: JPEG_HEAD })).toMatchObject({ ok: false, error: { code: 'invalid-payload', message: expect.stringMatching(/image\/jpeg, not image\/webp/) } });
    expect(ok(await s.instructor.authoring.uploadMedia({ mediaType: 'image/jpeg', base64: JPEG_HEAD })).mediaType).toBe('image/jpeg');
    const big = Buffer.alloc(2 * 1024 * 1024 + 1);
    Buffer.from(PNG_1X1, 'base64').copy(big);
    expect(await s.instructor.authoring.uploadMedia({ mediaType: 'image/png', base64: big.toString('base64') })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await s.instructor.authoring.uploadMedia({ mediaType: 'image/gif' as 'image/png', base64: PNG_1X1 })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    // Trainees do not upload.
    expect(await s.trainee.authoring.uploadMedia({ mediaType: 'image/png', base64: PNG_1X1 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('a draft naming an image that is not stored has a problem at /image/sha256; alt text is required in both languages', async () => {
    const s = await seededInstitution();
    const unknown = ok(await s.instructor.authoring.saveDraft({ kind: 'question', document: question('q-img-unknown', { sha256: 'a'.repeat(64), mediaType: 'image/png', alt: ALT }) }));
    expect(unknown.problems).toEqual([expect.objectContaining({ pointer: '/image/sha256' })]);
    const up = ok(await s.instructor.authoring.uploadMedia({ mediaType: 'image/png', base64: PNG_1X1 }));
    const noAlt = ok(await s.instructor.authoring.saveDraft({ kind: 'question', document: question('q-img-unknown', { sha256: up.sha256, mediaType: 'image/png', alt: { zh: '示意图', en: '' } }) }));
    expect(noAlt.problems.map((p) => p.pointer)).toEqual(['/image/alt/en']);
    const wrongType = ok(await s.instructor.authoring.saveDraft({ kind: 'question', document: question('q-img-unknown', { sha256: up.sha256, mediaType: 'image/jpeg', alt: ALT }) }));
    expect(wrongType.problems.map((p) => p.pointer)).toEqual(['/image/mediaType']);
  });
});

describe('the image in the trainee’s exam and in packs', () => {
  it('a trainee’s exam view carries the image, and media.get returns its bytes (signed-in callers only)', async () => {
    const s = await seededInstitution();
    const up = ok(await s.instructor.authoring.uploadMedia({ mediaType: 'image/png', base64: PNG_1X1 }));
    await publish(s, 'question', question('q-img-eyelid', { sha256: up.sha256, mediaType: 'image/png', alt: ALT }));
    await moduleDrawingAll(s);
    const started = ok(await s.trainee.exams.start({ moduleId: 'eyelid-image-check', certificateNumber: NURSE.certificateNumber }));
    const part = started.parts.find((p) => p.kind === 'knowledge');
    if (part?.kind !== 'knowledge') throw new Error('no knowledge part');
    const shown = part.questions.find((q) => q.image !== null);
    expect(shown?.image).toEqual({ sha256: up.sha256, mediaType: 'image/png', alt: ALT });
    expect(ok(await s.trainee.media.get({ sha256: up.sha256 }))).toEqual({ mediaType: 'image/png', base64: PNG_1X1 });
    expect(await s.trainee.media.get({ sha256: 'b'.repeat(64) })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await s.client('window:nobody').media.get({ sha256: up.sha256 })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('an exam pack carries the image into a fresh training file; QTI, Moodle and XLSX leave the question out', async () => {
    const s = await seededInstitution();
    const up = ok(await s.instructor.authoring.uploadMedia({ mediaType: 'image/png', base64: PNG_1X1 }));
    await publish(s, 'question', question('q-img-pack', { sha256: up.sha256, mediaType: 'image/png', alt: ALT }));
    const file = ok(await s.instructor.packs.export({ format: 'pack' }));
    const pack = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8'));
    expect(pack.media).toEqual([{ path: `media/${up.sha256}.png`, mediaType: 'image/png', sha256: up.sha256, base64: PNG_1X1 }]);

    const fresh = await seededInstitution();
    expect(await fresh.instructor.media.get({ sha256: up.sha256 })).toMatchObject({ ok: false });
    const dry = ok(await fresh.instructor.packs.import({ format: 'pack', fileName: file.fileName, base64: file.base64, apply: false }));
    expect(dry.ok).toBe(true);
    expect(dry.items.find((i) => i.kind === 'media')).toMatchObject({ id: `media/${up.sha256}.png`, action: 'add' });
    expect(ok(await fresh.instructor.packs.import({ format: 'pack', fileName: file.fileName, base64: file.base64, apply: true })).applied).toBe(true);
    expect(ok(await fresh.instructor.media.get({ sha256: up.sha256 }))).toEqual({ mediaType: 'image/png', base64: PNG_1X1 });
    const got = ok(await fresh.instructor.authoring.get({ kind: 'question', id: 'q-img-pack' }));
    expect(got.document).toMatchObject({ image: { sha256: up.sha256, alt: ALT } });
    expect(got.summary.hash).toBe(ok(await s.instructor.authoring.get({ kind: 'question', id: 'q-img-pack' })).summary.hash);

    // A pack whose question names an image it does not carry (and that is not stored) is refused whole.
    const stripped = { ...pack, media: [] };
    const other = await seededInstitution();
    const refused = ok(await other.instructor.packs.import({ format: 'pack', fileName: 'no-media.json', base64: Buffer.from(JSON.stringify(stripped)).toString('base64'), apply: true }));
    expect(refused).toMatchObject({ ok: false, applied: false });
    expect(refused.items.find((i) => i.id === 'q-img-pack')).toMatchObject({ action: 'reject', pointer: expect.stringMatching(/\/image\/sha256$/) });

    for (const format of ['qti', 'moodle'] as const) {
      const bank = ok(await s.instructor.packs.export({ format }));
      expect(Buffer.from(bank.base64, 'base64').toString('latin1')).not.toContain('q-img-pack');
    }
  }, 30_000);
});
