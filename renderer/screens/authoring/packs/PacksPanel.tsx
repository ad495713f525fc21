// Exam packs and question banks in and out. Export: our pack, QTI 3.0, Moodle XML or XLSX of what is
// published, downloaded as a file. Import: the file is checked first (nothing written) and its report
// shown, item by item; only a file with no rejections can then be imported, all of it or nothing.

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PACK_FORMATS } from '../../../../core/api/contract';
import type { ApiError } from '../../../../core/api/errors';
import { ErrorNotice } from '../../../app/ErrorNotice';
import { useAppStore } from '../../../app/store';
import { ImportReport, type PackReport } from './ImportReport';

type PackFormat = (typeof PACK_FORMATS)[number];

export function base64ToBlob(base64: string, mediaType: string): Blob {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: mediaType });
}

export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** The format a file's name suggests. */
export function formatOfFile(name: string): PackFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.xml')) return 'moodle';
  if (lower.includes('qti')) return 'qti';
  return 'pack';
}

export function PacksPanel() {
  return (
    <>
      <ExportPack />
      <ImportPack />
    </>
  );
}

function FormatSelect({ id, value, onChange }: { id: string; value: PackFormat; onChange: (f: PackFormat) => void }) {
  const { t } = useTranslation('authoring');
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as PackFormat)}>
      {PACK_FORMATS.map((f) => (
        <option key={f} value={f}>
          {t(`packs.formats.${f}`)}
        </option>
      ))}
    </select>
  );
}

function ExportPack() {
  const { t } = useTranslation('authoring');
  const api = useAppStore((s) => s.api);
  const id = useId();
  const [format, setFormat] = useState<PackFormat>('pack');
  const [file, setFile] = useState<{ name: string; url: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const r = await api.packs.export({ format });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    if (file) URL.revokeObjectURL(file.url);
    const url = URL.createObjectURL(base64ToBlob(r.value.base64, r.value.mediaType));
    setFile({ name: r.value.fileName, url });
    // Start the download at once; the link stays for another try.
    const a = document.createElement('a');
    a.href = url;
    a.download = r.value.fileName;
    a.click();
  };
  return (
    <section className="panel authoring-export" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('packs.exportTitle')}</h2>
      <p className="muted">{t('packs.exportIntro')}</p>
      <div className="field">
        <label htmlFor={`${id}-format`}>{t('packs.exportFormat')}</label>
        <FormatSelect id={`${id}-format`} value={format} onChange={setFormat} />
      </div>
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void run()}>
          {t('packs.export')}
        </button>
        {file && (
          <a className="button" href={file.url} download={file.name}>
            {t('packs.download', { name: file.name })}
          </a>
        )}
      </div>
      {error && <ErrorNotice error={error} />}
    </section>
  );
}

function ImportPack() {
  const { t } = useTranslation('authoring');
  const api = useAppStore((s) => s.api);
  const id = useId();
  const [format, setFormat] = useState<PackFormat>('pack');
  const [chosen, setChosen] = useState<{ name: string; base64: string } | null>(null);
  const [report, setReport] = useState<PackReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async (file: { name: string; base64: string }, f: PackFormat, apply: boolean) => {
    setBusy(true);
    const r = await api.packs.import({ format: f, fileName: file.name, base64: file.base64, apply });
    setBusy(false);
    if (!r.ok) {
      setReport(null);
      return setError(r.error);
    }
    setError(null);
    setReport(r.value);
  };

  const choose = async (file: File | undefined) => {
    setReport(null);
    setError(null);
    if (!file) return setChosen(null);
    const f = formatOfFile(file.name);
    setFormat(f);
    const next = { name: file.name, base64: await fileToBase64(file) };
    setChosen(next);
    await check(next, f, false);
  };

  return (
    <section className="panel authoring-import" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('packs.importTitle')}</h2>
      <p className="muted">{t('packs.importIntro')}</p>
      <div className="form-columns">
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('packs.file')}</label>
          <input id={`${id}-file`} type="file" accept=".json,.zip,.xml,.xlsx" onChange={(e) => void choose(e.target.files?.[0])} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-format`}>{t('packs.importFormat')}</label>
          <FormatSelect
            id={`${id}-format`}
            value={format}
            onChange={(f) => {
              setFormat(f);
              if (chosen) void check(chosen, f, false);
            }}
          />
        </div>
      </div>
      {busy && (
        <p className="loading" role="status">
          {t('packs.checking')}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
      {report && chosen && (
        <ImportReport report={report} fileName={chosen.name} busy={busy} onApply={() => void check(chosen, format, true)} />
      )}
    </section>
  );
}
