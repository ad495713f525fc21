// The trainee's file as a PDF: the person, their records with status, scores over time, recurring findings
// and every attempt, in Chinese or English; a long history runs onto numbered pages; a trainee gets only
// their own file, staff any trainee's.

import { describe, expect, it } from 'vitest';
import type { TraineeFileData } from '../../../electron/services/certification/trainee-file-data';
import { traineeFilePdf } from '../../../electron/services/certification/pdf/trainee-file-pdf';
import { passQuickModule, quickCatalog } from '../../helpers/quick-exam';
import { NURSE, seededInstitution } from '../../helpers/training-services';
import { ok } from '../training-file/helpers';
import { pdfPages, pdfText, renderPages } from './poppler';

const PASS = 'a long admin passphrase';
const DAY = 86_400_000;

/** A file with `n` practice attempts a day apart (scores climbing) and a few exam attempts. */
function longFile(n: number): TraineeFileData {
  const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * DAY).toISOString();
  return {
    institution: '华东微针培训中心',
    madeAt: '2026-11-01T08:00:00.000Z',
    person: { id: 'p1', name: '欧阳晓晴', profession: 'nurse', certificateNumber: 'N-2024-000123456', certificateKind: 'nurse-qualification' },
    practice: Array.from({ length: n }, (_, i) => ({ id: `a${i}`, kind: 'practice' as const, status: 'finished' as const, procedure: ['roller', 'rf', 'nano'][i % 3]!, startedAt: at(i), score: 40 + (i * 60) / n, passed: 40 + (i * 60) / n >= 60, criticalFailure: i === 3 })),
    exams: [
      { id: 'e1', moduleId: 'nurse-theory', moduleVersion: 2, attemptNo: 1, status: 'submitted', startedAt: at(20), submittedAt: at(20), score: 55, passed: false, regraded: false },
      { id: 'e2', moduleId: 'nurse-theory', moduleVersion: 2, attemptNo: 2, status: 'submitted', startedAt: at(40), submittedAt: at(40), score: 88, passed: true, regraded: true },
    ],
    recurring: [
      { clause: '8.5.1', count: 7, attempts: 5, lastAt: at(30) },
      { clause: '6.2', count: 3, attempts: 2, lastAt: at(12) },
    ],
    certificates: [{ number: 'MN-2026-000007', profession: 'nurse', issuedAt: at(45), validUntil: at(45 + 3 * 365), recertifyBy: at(45 + 3 * 365 - 90), status: 'revoked', revokeReason: '信息有误' }],
  };
}

describe('the trainee’s file PDF', () => {
  it('from the services: the trainee’s own in Chinese, any trainee’s for staff in English; not another trainee’s', async () => {
    const s = await seededInstitution({ exams: quickCatalog() });
    ok(await s.admin.certificates.setupKey({ passphrase: PASS }));
    await passQuickModule(s);
    const record = ok(await s.instructor.certificates.issue({ personId: s.people.nurse.id }));
    const own = ok(await s.trainee.people.filePdf({ personId: s.people.nurse.id, lang: 'zh' }));
    expect(own.mediaType).toBe('application/pdf');
    expect(own.fileName).toMatch(/^培训档案-王芳-2026-11-01\.pdf$/);
    const zh = Buffer.from(own.base64, 'base64');
    const [page] = renderPages(zh, 60, process.env.KEEP_PDF_PNG);
    // A4 portrait at 60 dpi.
    expect(page).toMatchObject({ width: 497, height: 702 });
    expect(page!.inkShare).toBeGreaterThan(0.01);
    const text = pdfText(zh);
    for (const expected of ['学员培训档案', NURSE.name, NURSE.certificateNumber, '15.2.3', record.number, '有效', 'quick v1', '合格']) expect(text).toContain(expected);
    expect(text).toMatch(/第\s*1\s*页\s*\/\s*共\s*1\s*页/);

    const en = pdfText(Buffer.from(ok(await s.instructor.people.filePdf({ personId: s.people.nurse.id, lang: 'en' })).base64, 'base64'));
    for (const expected of ['Trainee training file', NURSE.name, record.number, 'Valid', 'Scores over time', 'Page 1 of 1']) expect(en).toContain(expected);
    expect(ok(await s.admin.people.filePdf({ personId: s.people.technician.id, lang: 'en' })).fileName).toMatch(/^training-file-/);

    expect(await s.trainee2.people.filePdf({ personId: s.people.nurse.id, lang: 'zh' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await s.instructor.people.filePdf({ personId: s.people.nurse.id, lang: 'fr' as 'en' })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    await s.services.dispose();
  });

  it('a long history runs onto numbered pages with the headers repeated, every attempt listed', async () => {
    const pdf = await traineeFilePdf(longFile(150), 'en');
    const pages = pdfPages(pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    const rendered = renderPages(pdf, 60, process.env.KEEP_PDF_PNG);
    expect(rendered).toHaveLength(pages);
    for (const p of rendered) expect(p.inkShare).toBeGreaterThan(0.005);
    const text = pdfText(pdf);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    // The history starts on page 1 and its header is repeated on every page it runs onto.
    expect(text.indexOf('Attempts, practice and exams')).toBeLessThan(text.indexOf('Page 1 of'));
    expect(text.match(/Date\s+Type\s+What/g)).toHaveLength(pages);
    expect(text).toContain('2026-05-30'); // the 150th attempt (day 149)
    expect(text).toContain('Critical error, failed');
    expect(text).toContain('Revoked: 信息有误');
    expect(text).toMatch(/8\.5\.1\s+5\s+7/);
    const zh = pdfText(await traineeFilePdf(longFile(5), 'zh'));
    for (const expected of ['反复出现的问题（按条款）', '已撤销', '已复评', '滚轮微针', '严重错误，不合格']) expect(zh).toContain(expected);
  });
});
