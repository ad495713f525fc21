// Export jobs through the API: progress while a large export runs, the file and its manifest fetched
// once, jobs that belong to their caller, the audit entry, and the refusals (trainee, instructor, locked
// or missing key, a format that is not wired yet).

import { describe, expect, it } from 'vitest';
import { verifyExport } from '../../../electron/services/certification/exports/manifest';
import { FORMAT_WRITERS } from '../../../electron/services/certification/exports/formats';
import { seededInstitution } from '../../helpers/training-services';
import { ok } from '../training-file/helpers';
import { seedPeople, seedRecords, type SeedPerson, type SeedRecord } from './exports-fixture';

const PASS = 'a long admin passphrase';
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

async function withRecords(n: number) {
  const s = await seededInstitution();
  ok(await s.admin.certificates.setupKey({ passphrase: PASS }));
  const live = s.services.live()!;
  const people: SeedPerson[] = [
    { id: 'p-bulk-n', name: '护士甲', profession: 'nurse', certificateNumber: 'N-9-1' },
    { id: 'p-bulk-t', name: '技师乙', profession: 'technician', certificateNumber: 'T-9-1' },
  ];
  seedPeople(live.store, people);
  function* records(): Generator<SeedRecord> {
    for (let i = 0; i < n; i++) yield { number: `MN-2026-${String(200_000 + i).padStart(6, '0')}`, person: people[i % 2]!, moduleId: 'm', issuedAt: new Date(Date.UTC(2026, 9, 1) + i * 60_000).toISOString() };
  }
  seedRecords(live.store, live.certificates.keys, records(), { id: s.people.instructor.id, name: '张医生' });
  return { s, live };
}

describe('export jobs', () => {
  it('report progress page by page, then hand over the file and a manifest that verifies, once', async () => {
    const { s, live } = await withRecords(5_000);
    const started = ok(await s.admin.records.exportStart({ format: 'csv', filter: { role: 'nurse' }, lang: 'zh' }));
    expect(started.total).toBe(2_500);
    const seen: number[] = [];
    for (;;) {
      const p = ok(await s.admin.records.exportProgress({ jobId: started.jobId }));
      expect(p.total).toBe(2_500);
      seen.push(p.done);
      if (p.state !== 'running') {
        expect(p).toMatchObject({ state: 'finished', done: 2_500, error: null });
        break;
      }
      await tick();
    }
    expect(seen[0]).toBe(0);
    expect(seen.some((d) => d > 0 && d < 2_500)).toBe(true);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    const file = ok(await s.admin.records.exportFetch({ jobId: started.jobId }));
    expect(file.fileName).toMatch(/^certification-log-2026-11-01T08-00-00Z\.csv$/);
    expect(file.manifest.fileName).toBe(`${file.fileName}.sig.json`);
    const bytes = Buffer.from(file.base64, 'base64');
    expect(bytes.toString('utf8').split('\r\n').filter(Boolean)).toHaveLength(1 + 2_500);
    expect(verifyExport(bytes, file.manifest.text, live.certificates.publicKeys())).toMatchObject({ ok: true });
    // Gone once fetched.
    expect(await s.admin.records.exportFetch({ jobId: started.jobId })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const audit = ok(await s.admin.audit.list({ action: 'records.exported' })).entries;
    expect(audit[0]).toMatchObject({ action: 'records.exported', details: { format: 'csv', filter: { role: 'nurse' }, records: 2_500, attempts: 0 } });
  });

  it('belong to their caller: another administrator cannot see or fetch them; a trainee and an instructor are refused', async () => {
    const { s, live } = await withRecords(10);
    const other = ok(await s.admin.people.create({ accountRole: 'instructor', name: '刘主任', profession: 'physician', certificateNumber: 'P-77', certificateKind: 'physician-qualification', username: 'liu', password: 'another admin pass' }));
    ok(await s.admin.people.setRole({ id: other.id, accountRole: 'admin' }));
    const admin2 = s.client('window:admin2');
    ok(await admin2.auth.signInStaff({ username: 'liu', password: 'another admin pass' }));
    const { jobId } = ok(await s.admin.records.exportStart({ format: 'json', filter: {}, lang: 'en' }));
    expect(await admin2.records.exportProgress({ jobId })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await admin2.records.exportFetch({ jobId })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await s.trainee.records.exportStart({ format: 'csv', filter: {}, lang: 'zh' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await s.trainee.records.exportProgress({ jobId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await s.instructor.records.exportStart({ format: 'csv', filter: {}, lang: 'zh' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The service checks the role itself too, whatever the access table says.
    const trainee = { personId: s.people.nurse.id, accountRole: 'trainee' as const, name: '王芳' } as Parameters<typeof live.exports.start>[0];
    expect(() => live.exports.start(trainee, { format: 'csv', filter: {}, lang: 'zh' })).toThrow(/only admin/);
    await live.exports.idle();
    expect(ok(await s.admin.records.exportFetch({ jobId })).fileName).toMatch(/\.json$/);
  });

  it('refuse a format that is not wired, a filter that is backwards, too many jobs at once, and a missing key', async () => {
    const { s, live } = await withRecords(3);
    // A format whose writer is not wired (an entry set to null) is refused with a clear message.
    const xapi = FORMAT_WRITERS.xapi;
    FORMAT_WRITERS.xapi = null;
    try {
      expect(await s.admin.records.exportStart({ format: 'xapi', filter: {}, lang: 'zh' })).toMatchObject({ ok: false, error: { code: 'unavailable', path: '/format', message: expect.stringMatching(/xapi export is not available/) } });
    } finally {
      FORMAT_WRITERS.xapi = xapi;
    }
    expect(await s.admin.records.exportStart({ format: 'csv', filter: { from: '2026-12-01', to: '2026-11-01' }, lang: 'zh' })).toMatchObject({ ok: false, error: { code: 'invalid-payload', path: '/filter/to' } });
    expect(await s.admin.records.exportStart({ format: 'csv', filter: { from: '2026-13-01' }, lang: 'zh' })).toMatchObject({ ok: false, error: { code: 'invalid-payload', path: '/filter/from' } });
    for (let i = 0; i < 3; i++) ok(await s.admin.records.exportStart({ format: 'csv', filter: {}, lang: 'zh' }));
    expect(await s.admin.records.exportStart({ format: 'csv', filter: {}, lang: 'zh' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await live.exports.idle();
    // Finished jobs not fetched expire after 10 minutes.
    s.clock.advance(11 * 60_000);
    ok(await s.admin.records.exportStart({ format: 'csv', filter: {}, lang: 'zh' }));
    await live.exports.idle();

    const bare = await seededInstitution();
    expect(await bare.admin.records.exportStart({ format: 'csv', filter: {}, lang: 'zh' })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/no signing key/) } });
  });
});
