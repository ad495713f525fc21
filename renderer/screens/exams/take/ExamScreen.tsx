// An exam attempt as its trainee takes it (issue 8 §3): opened from main, every answer saved as it is
// given, the clock counting down, submitted with a confirmation, then the result as its release allows.
// Staff open the same screen read-only (main refuses their steps anyway).

import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../app/ErrorNotice';
import { useAppStore } from '../../../app/store';
import { ExamResultView } from './ExamResult';
import { RunningExam } from './RunningExam';
import { useExamSession } from './useExamSession';
import './exam.css';

export interface ExamScreenProps {
  examAttemptId: string;
  onStartPractical: (partId: string) => void;
  onLeave: () => void;
}

export function ExamScreen({ examAttemptId, onStartPractical, onLeave }: ExamScreenProps) {
  const { t } = useTranslation('exam');
  const api = useAppStore((s) => s.api);
  const readOnly = useAppStore((s) => s.signedIn)?.accountRole !== 'trainee';
  const exam = useExamSession(api, examAttemptId, readOnly);

  if (exam.load.status === 'loading')
    return (
      <p className="loading" role="status">
        {t('loading')}
      </p>
    );
  if (exam.load.status === 'error')
    return (
      <section className="screen">
        <ErrorNotice error={exam.load.error} title={t('errors.load')} onRetry={exam.reload} />
        <button type="button" className="button" onClick={onLeave}>
          {t('result.back')}
        </button>
      </section>
    );
  if (exam.session?.status === 'submitted') return <ExamResultView session={exam.session} onLeave={onLeave} />;
  return <RunningExam exam={exam} readOnly={readOnly} onStartPractical={onStartPractical} />;
}
