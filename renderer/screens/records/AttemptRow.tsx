import { useTranslation } from 'react-i18next';
import type { AttemptSummary } from '../../../core/api/contract';
import { findPreset } from '../../../core/practice/presets';
import { useAppStore } from '../../app/store';
import { useFormat } from '../../app/ui/format';

/** One attempt: when, what, how it was recorded, and its stored result; finished ones open in the studio. */
export function AttemptRow({ attempt: a }: { attempt: AttemptSummary }) {
  const { t, i18n } = useTranslation('records');
  const format = useFormat();
  const navigate = useAppStore((s) => s.navigate);
  const imported = a.kind === 'imported';
  const preset = a.presetId ? findPreset(a.presetId) : undefined;
  const language = i18n.language === 'en' ? 'en' : 'zh';
  return (
    <tr data-kind={a.kind}>
      <td id={`attempt-date-${a.id}`} className="cell-date">
        <time dateTime={a.startedAt}>
          <span className="date-part">{format.date(a.startedAt)}</span> <span className="time-part">{format.time(a.startedAt)}</span>
        </time>
      </td>
      <td className="cell-procedure">{t(`common:procedures.${a.procedure}`)}</td>
      <td className="cell-task">
        {imported && a.sourceName ? (
          <span className="file-name" data-user-content>
            {a.sourceName}
          </span>
        ) : preset ? (
          preset.title[language]
        ) : (
          <span className="muted">{t('unknownTask')}</span>
        )}
      </td>
      <td>
        {imported ? (
          <>
            <span className="pill pill-imported">{t('kinds.imported')}</span>
            <span className="kind-note">{t('importedNote')}</span>
          </>
        ) : (
          t(`kinds.${a.kind}`)
        )}
      </td>
      <td className="cell-mode">{imported ? <span className="muted">{t('modes.declared', { mode: t(`modes.${a.mode}`) })}</span> : t(`modes.${a.mode}`)}</td>
      <td>{t(`statuses.${a.status}`)}</td>
      <td className="numeric">{format.score(a.score)}</td>
      <td>
        {a.status === 'running' ? (
          <span className="muted">—</span>
        ) : a.passed === null ? (
          <span className="muted">{t('results.not-scored')}</span>
        ) : (
          <span className={`pill ${a.passed ? 'pill-pass' : 'pill-fail'}`}>{a.passed ? t('results.passed') : t('results.failed')}</span>
        )}
        {a.criticalFailure && <span className="critical-mark">{t('critical')}</span>}
      </td>
      <td className="cell-actions">
        {a.status !== 'running' && (
          <button
            type="button"
            id={`attempt-open-${a.id}`}
            className="button button-small"
            aria-labelledby={`attempt-open-${a.id} attempt-date-${a.id}`}
            onClick={() => navigate({ name: 'studio', procedure: a.procedure, openAttemptId: a.id })}
          >
            {t('open')}
          </button>
        )}
      </td>
    </tr>
  );
}
