// An endpoint declaration (8.4) travels like every other event: the studio's recorder sends it to main in a
// batch, main's contract accepts the `endpoint` kind, assembles the recording with its `endpoints`, and its own
// score judges it (main is the authority for scores; the renderer sends none).
import { describe, expect, it } from 'vitest';
import { recordingEventSchema } from '../../../core/api/schemas/attempts';
import type { Recording } from '../../../core/recording/types';
import { createAttemptUploader } from '../../../renderer/studio/attempt-upload';
import { createRecorder } from '../../../renderer/studio/recorder';
import { seededInstitution } from '../../helpers/training-services';

describe('endpoint declarations through main', () => {
  it('the contract takes an endpoint event and refuses one without regions', () => {
    expect(recordingEventSchema.safeParse({ kind: 'endpoint', declaration: { tMs: 10, regions: ['forehead'] } }).success).toBe(true);
    expect(recordingEventSchema.safeParse({ kind: 'endpoint', declaration: { tMs: 10, regions: [] } }).success).toBe(false);
  });

  it('is stored with the attempt and judged by main: nothing rolled, so the forehead is not pink', async () => {
    const s = await seededInstitution();
    const started = s.ok(await s.trainee.sessions.start({ presetId: 'roller-forehead-pink', mode: 'learn' }));
    const recorder = createRecorder({ header: started.header, startedAt: started.startedAt, app: started.app, initialSettings: started.initialSettings });
    const up = createAttemptUploader({ attemptId: started.attemptId, source: recorder, append: (a) => s.trainee.sessions.append(a), maxEventsPerBatch: 5 });
    recorder.push({ kind: 'step', step: { step: 'take-history', tMs: 100 } });
    recorder.push({ kind: 'endpoint', declaration: { tMs: 2000, regions: ['forehead'] } });
    expect(await up.flush()).toBeNull();
    const local = recorder.build({ tMs: 3000, reason: 'completed' });
    const done = s.ok(await s.trainee.sessions.finish({ attemptId: started.attemptId, batches: up.state().batches, endTMs: 3000, zones: [...recorder.zones()] }));
    const stored = s.ok(await s.trainee.sessions.open({ id: started.attemptId }));
    expect((stored.recording as Recording).endpoints).toEqual([{ tMs: 2000, regions: ['forehead'] }]);
    expect(local.endpoints).toEqual([{ tMs: 2000, regions: ['forehead'] }]);
    expect(done.report.findings.map((f) => f.id)).toContain('roller-endpoint-pink-not-reached:forehead');
  });
});
