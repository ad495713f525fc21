// What importing a file would do (or did): per item add, replace, unchanged or reject, with the reason and
// the JSON pointer main names; the file's own problems; and Import, offered only when nothing is rejected.

import { useTranslation } from 'react-i18next';
import type { AuthoringProblem } from '../../../../core/api/contract';

export interface PackReport {
  ok: boolean;
  applied: boolean;
  items: { kind: string; id: string; version: number | null; action: 'add' | 'replace' | 'unchanged' | 'reject'; reason: string | null; pointer: string | null }[];
  problems: AuthoringProblem[];
}

export function ImportReport({ report, fileName, busy, onApply }: { report: PackReport; fileName: string; busy: boolean; onApply: () => void }) {
  const { t } = useTranslation('authoring');
  const counts = (['add', 'replace', 'unchanged', 'reject'] as const).map((a) => ({ action: a, n: report.items.filter((i) => i.action === a).length }));
  const rejected = !report.ok || counts[3]!.n > 0;
  return (
    <div className="authoring-import-report">
      <h3>{report.applied ? t('packs.appliedTitle', { name: fileName }) : t('packs.reportTitle', { name: fileName })}</h3>
      {report.applied ? (
        <p className="notice notice-success" role="status">
          {t('packs.applied')}
        </p>
      ) : rejected ? (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">{t('packs.rejected')}</p>
          <p>{t('packs.rejectedDetail')}</p>
        </div>
      ) : (
        <p className="notice notice-info">{t('packs.readyToApply')}</p>
      )}
      <p className="muted">{counts.map((c) => t(`packs.counts.${c.action}`, { n: c.n })).join(' · ')}</p>
      {report.problems.length > 0 && (
        <ul className="plain-list authoring-import-problems" aria-label={t('packs.fileProblems')}>
          {report.problems.map((p, i) => (
            <li key={`${p.pointer}-${i}`}>
              <code>{p.pointer || '/'}</code> <span lang="en">{p.message}</span>
            </li>
          ))}
        </ul>
      )}
      {report.items.length > 0 && (
        <div className="table-wrap">
          <table className="table authoring-table">
            <caption className="visually-hidden">{t('packs.itemsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('packs.kind')}</th>
                <th scope="col">{t('items.id')}</th>
                <th scope="col">{t('items.version')}</th>
                <th scope="col">{t('packs.action')}</th>
                <th scope="col">{t('packs.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {report.items.map((item, i) => (
                <tr key={`${item.kind}-${item.id}-${i}`} className={item.action === 'reject' ? 'authoring-reject' : undefined}>
                  <td>{isKind(item.kind) ? t(`kinds.${item.kind}`) : <code>{item.kind}</code>}</td>
                  <td>
                    <code>{item.id}</code>
                  </td>
                  <td>{item.version ?? '—'}</td>
                  <td>{t(`packs.actions.${item.action}`)}</td>
                  <td>
                    {item.reason && <span lang="en">{item.reason}</span>} {item.pointer && <code>{item.pointer}</code>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!report.applied && (
        <div className="form-actions">
          <button type="button" className="button button-primary" disabled={rejected || busy} onClick={onApply}>
            {t('packs.apply')}
          </button>
        </div>
      )}
    </div>
  );
}

const KINDS = ['question', 'patient-case', 'complication', 'exam-module'];
const isKind = (k: string): k is 'question' => KINDS.includes(k);
