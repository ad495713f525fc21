// Verify what this app signs: a signed record file, a certificate PDF, the text a QR scanner read, an Open
// Badge, or an exported log chosen together with its signed manifest (<file>.sig.json). Main
// (certificates.verifyFile) says which kind of file it was and each problem; this shows them in words.

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileVerification } from '../../../core/api/contract';
import type { ApiError } from '../../../core/api/errors';
import { ErrorNotice } from '../../app/ErrorNotice';
import { useAppStore } from '../../app/store';
import { fileToBase64 } from '../authoring/packs/PacksPanel';

/** An exported log's signed manifest is named <file>.sig.json (docs/exports.md). */
const MANIFEST_SUFFIX = '.sig.json';

/** The most certificates.verifyFile takes. */
export const MAX_VERIFY_BYTES = 20 * 1024 * 1024;

const textToBase64 = (text: string) => fileToBase64(new Blob([text], { type: 'text/plain' }));

export function VerifyPanel() {
  const { t } = useTranslation('certificate-pdf');
  const api = useAppStore((s) => s.api);
  const id = useId();
  const [result, setResult] = useState<FileVerification | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const [busy, setBusy] = useState(false);

  const check = async (fileName: string, base64: Promise<string>, manifest?: Promise<{ fileName: string; text: string }>) => {
    setBusy(true);
    setRefusal(null);
    setResult(null);
    const r = await api.certificates.verifyFile({ fileName, base64: await base64, ...(manifest ? { manifest: await manifest } : {}) });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setResult(r.value);
  };

  /** One file; or an exported log and its manifest (the one whose name ends in .sig.json). */
  const chosen = (list: FileList | null) => {
    const files = [...(list ?? [])];
    if (files.length === 0) return;
    const manifest = files.length === 2 ? files.find((f) => f.name.endsWith(MANIFEST_SUFFIX)) : undefined;
    const file = manifest ? files.find((f) => f !== manifest)! : files[0]!;
    if (files.length > 2 || (files.length === 2 && !manifest)) {
      setResult(null);
      return setRefusal(t('verify.twoFiles'));
    }
    if (file.size > MAX_VERIFY_BYTES) {
      setResult(null);
      return setRefusal(t('verify.tooLarge'));
    }
    void check(file.name, fileToBase64(file), manifest ? manifest.text().then((text) => ({ fileName: manifest.name, text })) : undefined);
  };

  const checkPasted = () => {
    if (pasted.trim() === '') return setRefusal(t('verify.pasteEmpty'));
    void check('qr-payload.txt', textToBase64(pasted.trim()));
  };

  return (
    <section className="panel verify-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('verify.title')}</h2>
      <p className="muted">{t('verify.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('verify.file')}</label>
        <input id={`${id}-file`} type="file" multiple accept=".json,.pdf,.txt,.csv,.xlsx,application/json,application/ld+json,application/pdf,text/plain,text/csv" aria-describedby={`${id}-file-hint`} disabled={busy} onChange={(e) => chosen(e.target.files)} />
        <p className="field-hint" id={`${id}-file-hint`}>
          {t('verify.fileHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-paste`}>{t('verify.paste')}</label>
        <textarea id={`${id}-paste`} rows={3} value={pasted} spellCheck={false} aria-describedby={`${id}-paste-hint`} onChange={(e) => setPasted(e.target.value)} />
        <p className="field-hint" id={`${id}-paste-hint`}>
          {t('verify.pasteHint')}
        </p>
      </div>
      <div className="form-actions">
        <button type="button" className="button" disabled={busy} onClick={checkPasted}>
          {t('verify.checkPasted')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {busy && <p className="loading">{t('verify.checking')}</p>}
        {result && <VerifyResult result={result} />}
      </div>
      {refusal && (
        <p className="notice notice-error" role="alert">
          {refusal}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
    </section>
  );
}

function VerifyResult({ result }: { result: FileVerification }) {
  const { t } = useTranslation('certificate-pdf');
  const kind = t(`verify.kind.${result.kind ?? 'none'}`);
  if (result.ok)
    return (
      <div className="notice notice-success verify-result" data-verified="true">
        <p>
          <span className="pill">{kind}</span> {result.kind === 'export-log' ? t('verify.okLog') : t('verify.ok', { number: result.number })}
        </p>
      </div>
    );
  return (
    <div className="notice notice-error verify-result" data-verified="false">
      <p>
        <span className="pill">{kind}</span> {result.number ? t('verify.notOkNumber', { number: result.number }) : t('verify.notOk')}
      </p>
      <ul>
        {result.problems.map((p) => (
          <li key={p} data-problem={p}>
            {t(`verify.problems.${p}`)}
          </li>
        ))}
      </ul>
      {result.detail && (
        <p className="notice-detail" lang="en">
          {result.detail}
        </p>
      )}
    </div>
  );
}
