// A PDF made in main (certificates.pdf, people.filePdf), downloaded as PacksPanel's exports are: the file
// starts downloading at once, and a link to it stays for another try.

import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ApiResult } from '../../../core/api/errors';
import { ErrorNotice } from '../../app/ErrorNotice';
import { useAppStore } from '../../app/store';
import { base64ToBlob } from '../authoring/packs/PacksPanel';

interface PdfFile {
  fileName: string;
  mediaType: string;
  base64: string;
}

export function PdfDownload({ label, ariaLabel, make, className = 'button button-small' }: { label: string; ariaLabel?: string; make: () => Promise<ApiResult<PdfFile>>; className?: string }) {
  const { t } = useTranslation('certificate-pdf');
  const [file, setFile] = useState<{ name: string; url: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(
    () => () => {
      if (file) URL.revokeObjectURL(file.url);
    },
    [file],
  );

  const run = async () => {
    setBusy(true);
    const r = await make();
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    const url = URL.createObjectURL(base64ToBlob(r.value.base64, r.value.mediaType));
    setFile({ name: r.value.fileName, url });
    const a = document.createElement('a');
    a.href = url;
    a.download = r.value.fileName;
    a.click();
  };

  return (
    <span className="pdf-download">
      <button type="button" className={className} aria-label={ariaLabel} disabled={busy} onClick={() => void run()}>
        {busy ? t('pdf.making') : label}
      </button>
      {file && (
        <a className="button button-small" href={file.url} download={file.name}>
          {t('pdf.again')}{' '}
          <span data-user-content translate="no">
            {file.name}
          </span>
        </a>
      )}
      {error && <ErrorNotice error={error} />}
    </span>
  );
}

/** The trainee's file as a PDF, in the language chosen (the UI's by default): on My records and in their file for staff. */
export function TraineeFilePdfSection({ personId, own }: { personId: string; own: boolean }) {
  const { t, i18n } = useTranslation('certificate-pdf');
  const api = useAppStore((s) => s.api);
  const id = useId();
  const [lang, setLang] = useState<'zh' | 'en'>(i18n.language === 'en' ? 'en' : 'zh');
  return (
    <section className="panel trainee-file-pdf" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('file.title')}</h2>
      <p className="muted">{own ? t('file.introOwn') : t('file.intro')}</p>
      <div className="form-actions">
        <div className="field">
          <label htmlFor={`${id}-lang`}>{t('file.language')}</label>
          <select id={`${id}-lang`} value={lang} onChange={(e) => setLang(e.target.value === 'en' ? 'en' : 'zh')}>
            <option value="zh">{t('file.languages.zh')}</option>
            <option value="en">{t('file.languages.en')}</option>
          </select>
        </div>
        <PdfDownload className="button" label={own ? t('file.downloadOwn') : t('file.download')} make={() => api.people.filePdf({ personId, lang })} />
      </div>
    </section>
  );
}
