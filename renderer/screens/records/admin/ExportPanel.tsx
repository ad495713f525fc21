// The administrator's export of the certification log: filters, the format and header language, a
// progress bar fed by records.exportProgress while main writes the file a page at a time, then the file and
// its signed manifest (<file>.sig.json) to download. Main refuses while the signing key is locked.

import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat, Person, RecordsFilter } from '../../../../core/api/contract';
import type { ApiError } from '../../../../core/api/errors';
import { ErrorNotice } from '../../../app/ErrorNotice';
import { useAppStore } from '../../../app/store';
import { DownloadLink } from '../CertificatesSection';
import { BytesDownloadLink } from './download';

/** Every format main wires (exports/formats.ts); main refuses any other with 'unavailable'. */
export const OFFERED_FORMATS: readonly ExportFormat[] = ['csv', 'xlsx', 'json', 'xapi', 'ob3'];
const POLL_MS = 200;

type Job = { jobId: string; done: number; total: number } | null;
type Fetched = { fileName: string; mediaType: string; base64: string; manifest: { fileName: string; text: string } };

export function ExportPanel() {
  const { t, i18n } = useTranslation('records-admin');
  const api = useAppStore((s) => s.api);
  const id = useId();
  const [filter, setFilter] = useState<RecordsFilter>({});
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [lang, setLang] = useState<'zh' | 'en'>(i18n.language.startsWith('en') ? 'en' : 'zh');
  const [trainees, setTrainees] = useState<Person[]>([]);
  const [job, setJob] = useState<Job>(null);
  const [file, setFile] = useState<Fetched | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    void api.people.list({ accountRole: 'trainee' }).then((r) => r.ok && alive.current && setTrainees(r.value));
    return () => {
      alive.current = false;
    };
  }, [api]);

  useEffect(() => {
    if (!job) return;
    const timer = setInterval(() => {
      void api.records.exportProgress({ jobId: job.jobId }).then(async (r) => {
        if (!alive.current) return;
        if (!r.ok) {
          clearInterval(timer);
          setError(r.error);
          setJob(null);
          return;
        }
        if (r.value.state === 'running') {
          setJob((j) => (j && j.jobId === job.jobId ? { ...j, done: r.value.done, total: r.value.total } : j));
          return;
        }
        clearInterval(timer);
        if (r.value.state === 'failed') {
          setFailed(r.value.error ?? '');
          setJob(null);
          return;
        }
        const fetched = await api.records.exportFetch({ jobId: job.jobId });
        if (!alive.current) return;
        setJob(null);
        if (fetched.ok) setFile(fetched.value);
        else setError(fetched.error);
      });
    }, POLL_MS);
    return () => clearInterval(timer);
    // Polls one job: a new job id starts a new poll.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, job?.jobId]);

  const set = <K extends keyof RecordsFilter>(key: K, value: RecordsFilter[K] | '') =>
    setFilter((f) => {
      const next = { ...f };
      if (value === '' || value === undefined) delete next[key];
      else next[key] = value as RecordsFilter[K];
      return next;
    });

  const start = async () => {
    setError(null);
    setFailed(null);
    setFile(null);
    const r = await api.records.exportStart({ format, filter, lang });
    if (!r.ok) return setError(r.error);
    setJob({ jobId: r.value.jobId, done: 0, total: r.value.total });
  };

  const locked = error?.code === 'conflict' && /locked|no signing key/i.test(error.message);
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('export.title')}</h2>
      <form
        aria-label={t('export.title')}
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <fieldset>
          <legend>{t('filters.legend')}</legend>
          <div className="field">
            <label htmlFor={`${id}-from`}>{t('filters.from')}</label>
            <input id={`${id}-from`} type="date" value={filter.from ?? ''} onChange={(e) => set('from', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('filters.to')}</label>
            <input id={`${id}-to`} type="date" value={filter.to ?? ''} onChange={(e) => set('to', e.target.value)} />
          </div>
          <p className="muted">{t('filters.datesUtc')}</p>
          <div className="field">
            <label htmlFor={`${id}-role`}>{t('filters.role')}</label>
            <select id={`${id}-role`} value={filter.role ?? ''} onChange={(e) => set('role', e.target.value as RecordsFilter['role'] | '')}>
              <option value="">{t('filters.anyRole')}</option>
              {(['technician', 'nurse', 'physician'] as const).map((p) => (
                <option key={p} value={p}>
                  {t(`professions.${p}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-module`}>{t('filters.module')}</label>
            <input id={`${id}-module`} value={filter.moduleId ?? ''} maxLength={80} onChange={(e) => set('moduleId', e.target.value.trim())} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-result`}>{t('filters.result')}</label>
            <select id={`${id}-result`} value={filter.result ?? ''} onChange={(e) => set('result', e.target.value as RecordsFilter['result'] | '')}>
              <option value="">{t('filters.anyResult')}</option>
              <option value="pass">{t('filters.pass')}</option>
              <option value="fail">{t('filters.fail')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-trainee`}>{t('filters.trainee')}</label>
            <select id={`${id}-trainee`} value={filter.traineeId ?? ''} onChange={(e) => set('traineeId', e.target.value)}>
              <option value="">{t('filters.anyTrainee')}</option>
              {trainees.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-format`}>{t('export.format')}</label>
          <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
            {OFFERED_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`export.formats.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-lang`}>{t('export.lang')}</label>
          <select id={`${id}-lang`} value={lang} onChange={(e) => setLang(e.target.value as 'zh' | 'en')}>
            <option value="zh">{t('export.langs.zh')}</option>
            <option value="en">{t('export.langs.en')}</option>
          </select>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={job !== null}>
            {t('export.start')}
          </button>
        </div>
      </form>
      {job && (
        <div role="status">
          <progress aria-label={t('export.progressLabel')} max={Math.max(job.total, 1)} value={job.done} />
          <p>{t('export.running', { done: job.done, total: job.total })}</p>
        </div>
      )}
      {locked && (
        <p className="notice notice-error" role="alert">
          {t('export.locked')}
        </p>
      )}
      {error && !locked && <ErrorNotice error={error} />}
      {failed !== null && (
        <p className="notice notice-error" role="alert">
          {t('export.failed', { error: failed })}
        </p>
      )}
      {file && (
        <div role="status">
          <p>{t('export.finished', { fileName: file.fileName })}</p>
          <div className="form-actions">
            <BytesDownloadLink base64={file.base64} fileName={file.fileName} mediaType={file.mediaType} label={t('export.download')} />
            <DownloadLink text={file.manifest.text} fileName={file.manifest.fileName} mediaType="application/json" label={t('export.downloadManifest')} />
          </div>
          <p className="muted">{t('export.manifestHint')}</p>
        </div>
      )}
    </section>
  );
}
