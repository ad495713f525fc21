// A submitted exam and an issued record put their statements in the outbox at once, without waiting for the
// start-up scan or the timer (test services run no timers): attempted, completed and passed for the exam,
// satisfied for the record.

import { describe, expect, it } from 'vitest';
import { passQuickModule, quickCatalog } from '../../helpers/quick-exam';
import { seededInstitution } from '../../helpers/training-services';
import { ok } from '../training-file/helpers';

describe('statements are queued when the work is signed', () => {
  it('after an exam is submitted and after a record is issued', async () => {
    const s = await seededInstitution({ exams: quickCatalog() });
    const store = s.services.live()!.store;
    const sources = () => store.all<{ source: string }>('SELECT source FROM lrs_statements_made ORDER BY source').map((r) => r.source.split(':')[0]);
    ok(await s.admin.certificates.setupKey({ passphrase: 'a long admin passphrase' }));
    const examId = await passQuickModule(s);
    expect(sources().sort()).toEqual(['exam-started', 'exam-submitted', 'exam-submitted']);
    expect(store.get<{ n: number }>('SELECT count(*) AS n FROM lrs_outbox')!.n).toBe(3);
    const record = ok(await s.instructor.certificates.issue({ personId: s.people.nurse.id }));
    expect(store.all<{ source: string }>("SELECT source FROM lrs_statements_made WHERE source LIKE 'record:%'")).toEqual([{ source: `record:${record.number}` }]);
    expect(store.all<{ source: string }>("SELECT source FROM lrs_statements_made WHERE source LIKE 'exam-submitted:%'").every((r) => r.source === `exam-submitted:${examId}`)).toBe(true);
  });
});
