import { describe, expect, it } from 'vitest';
import { seededInstitution } from '../../helpers/training-services';

describe('training file smoke', () => {
  it('runs an attempt end to end', async () => {
    const s = await seededInstitution();
    const started = s.ok(await s.trainee.sessions.start({ presetId: 'roller-forehead-pink', mode: 'learn' }));
    expect(started.header.trainee?.name).toBe('王芳');
    const n = started.header.goal.targetRegions[0];
    const events = Array.from({ length: 50 }, (_, i) => ({
      kind: 'sample' as const,
      sample: { tMs: 100 + i * 10, p: [0, 60, 90] as [number, number, number], n: [0, 0, 1] as [number, number, number], region: n, pressure: 0.5, contact: true },
    }));
    s.ok(await s.trainee.sessions.append({ attemptId: started.attemptId, seq: 0, events: [{ kind: 'settings', change: { tMs: 0, settings: started.initialSettings } }, ...events] }));
    const done = await s.trainee.sessions.finish({ attemptId: started.attemptId, batches: 1, endTMs: 1000, zones: [] });
    expect(done.ok, JSON.stringify(done)).toBe(true);
    const list = s.ok(await s.trainee.sessions.list({}));
    expect(list.total).toBe(1);
    const other = s.ok(await s.trainee2.sessions.list({}));
    expect(other.total).toBe(0);
    expect(await s.trainee.people.list({})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const opened = s.ok(await s.instructor.sessions.open({ id: started.attemptId }));
    expect(opened.report?.score).toBe(list.items[0].score);
    const verify = s.ok(await s.admin.audit.verify());
    expect(verify).toMatchObject({ ok: true });
    console.log(verify.checked, list.items[0]);
  });
});

describe('people.update', () => {
  it('refuses a change of profession that leaves a certificate proving another one (15.2)', async () => {
    const s = await seededInstitution();
    expect(await s.admin.people.update({ id: s.people.nurse.id, profession: 'technician' })).toMatchObject({ ok: false, error: { code: 'invalid-payload', path: '/certificateKind' } });
    expect(await s.admin.people.update({ id: s.people.nurse.id, profession: 'technician', certificateKind: 'technician-qualification' })).toMatchObject({
      ok: true,
      value: { profession: 'technician', certificateKind: 'technician-qualification' },
    });
  });
});

describe('sessions.append bounds', () => {
  it('refuses a nano contact whose path is longer than any hand makes, naming the field', async () => {
    const s = await seededInstitution();
    const started = s.ok(await s.trainee.sessions.start({ presetId: 'nano-face-delivery', mode: 'learn' }));
    const path = Array.from({ length: 8_000 }, (_, i) => ({ tMs: 100 + i * 0.1, p: [0, 60, 90] as [number, number, number] }));
    const contact = { tStartMs: 100, tEndMs: 900, p: [0, 60, 90] as [number, number, number], n: [0, 0, 1] as [number, number, number], region: 'forehead' as const, technique: 'point-lift' as const, needleHeightUm: 100, path };
    expect(await s.trainee.sessions.append({ attemptId: started.attemptId, seq: 0, events: [{ kind: 'contact', contact }] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload', path: '/events/0/contact/path' },
    });
    expect(await s.trainee.sessions.append({ attemptId: started.attemptId, seq: 0, events: [{ kind: 'contact', contact: { ...contact, path: path.slice(0, 700) } }] })).toMatchObject({ ok: true });
  });
});
