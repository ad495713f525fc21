// The exam screen as the shell routes to it: taking (or reading) one attempt, its practical part in the
// studio (which comes back here when it is done), and the way back to where the exam was opened from.

import { useState } from 'react';
import type { MicroneedleApi } from '../../../../core/api/contract';
import type { ApiError } from '../../../../core/api/errors';
import { ErrorNotice } from '../../../app/ErrorNotice';
import { useAppStore } from '../../../app/store';
import { ExamScreen } from '../take/ExamScreen';

export function ExamRoute({ examAttemptId }: { examAttemptId: string }) {
  const api = useAppStore((s) => s.api);
  const navigate = useAppStore((s) => s.navigate);
  const role = useAppStore((s) => s.signedIn?.accountRole);
  const [error, setError] = useState<ApiError | null>(null);

  const startPractical = async (partId: string) => {
    // The studio needs the procedure: the practical part names it; else the exam's module does.
    const opened = await api.exams.open({ id: examAttemptId });
    if (!opened.ok) return setError(opened.error);
    const part = opened.value.parts.find((p) => p.id === partId);
    let procedure = part && part.kind === 'practical' ? part.procedure : null;
    if (!procedure) {
      const mod = await api.exams.module({ moduleId: opened.value.module.id, version: opened.value.module.version });
      if (!mod.ok) return setError(mod.error);
      procedure = mod.value.procedure;
    }
    if (!procedure) return setError({ code: 'not-found', message: `no procedure for part ${partId}` });
    navigate({ name: 'studio', procedure, exam: { examAttemptId, partId } });
  };

  // A trainee goes back to the exams list; staff read an attempt from a trainee's file.
  const leave = (personId?: string) => navigate(role === 'trainee' || !personId ? { name: 'exams' } : { name: 'trainee', personId });

  return (
    <>
      {error && <ErrorNotice error={error} onRetry={() => setError(null)} />}
      <ExamScreen examAttemptId={examAttemptId} onStartPractical={(partId: string) => void startPractical(partId)} onLeave={() => void leaveFor(api, examAttemptId, leave)} />
    </>
  );
}

async function leaveFor(api: MicroneedleApi, examAttemptId: string, leave: (personId?: string) => void) {
  const opened = await api.exams.open({ id: examAttemptId });
  leave(opened.ok ? opened.value.personId : undefined);
}
