// The institution's signing key for completion records (administrators): whether there is one, its
// fingerprint, and whether it is unlocked for this run; creating it, unlocking it and rotating it with the
// passphrase (never stored); and every public key, retired ones included, as a PEM download.

import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MicroneedleApi, PublicKeyInfo } from '../../../core/api/contract';
import type { ApiError } from '../../../core/api/errors';
import { ErrorNotice } from '../../app/ErrorNotice';
import { useAppStore } from '../../app/store';
import { useFormat } from '../../app/ui/format';
import { DownloadLink } from '../records/CertificatesSection';

const MIN = 12;

/**
 * The fingerprint this window unlocked (by setup, unlock or rotation) in this run. Main has no call that
 * reports the lock, so the panel remembers what it did; main refuses to issue with a locked key anyway.
 */
const unlockedIn = new WeakMap<MicroneedleApi, string>();

type Problem = 'tooShort' | 'required' | 'mismatch' | 'wrong' | 'exists' | 'noKey';
type Field = 'passphrase' | 'confirm' | 'newPassphrase' | 'newConfirm';
type Problems = Partial<Record<Field, Problem>>;

/** Main's refusal at its field, or null when it belongs to no field (shown as a notice). */
function placeApiError(error: ApiError): Problems | null {
  const field: Field | null = error.path === '/passphrase' ? 'passphrase' : error.path === '/newPassphrase' ? 'newPassphrase' : null;
  if (!field) return null;
  if (error.code === 'invalid-payload') return { [field]: 'tooShort' };
  if (error.code === 'forbidden') return { [field]: 'wrong' };
  if (error.code === 'conflict') return { [field]: /exists/i.test(error.message) ? 'exists' : 'noKey' };
  return null;
}

function PassField({ name, label, hint, problem, value, onValue, autoComplete }: { name: Field; label: string; hint?: string; problem?: Problem; value: string; onValue: (v: string) => void; autoComplete: string }) {
  const { t } = useTranslation('certificates');
  const id = useId();
  const described = [hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="password"
        className="passphrase-input"
        value={value}
        maxLength={256}
        autoComplete={autoComplete}
        aria-invalid={problem ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => onValue(e.target.value)}
      />
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {problem && (
        <p className="field-error" id={`${id}-error`}>
          {t(`key.errors.${problem}`)}
        </p>
      )}
    </div>
  );
}

export function SigningKeyPanel() {
  const { t } = useTranslation('certificates');
  const api = useAppStore((s) => s.api);
  const format = useFormat();
  const id = useId();
  const [keys, setKeys] = useState<PublicKeyInfo[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [unlocked, setUnlocked] = useState<string | null>(() => unlockedIn.get(api) ?? null);
  const [done, setDone] = useState('');

  const load = useCallback(async () => {
    const r = await api.certificates.publicKeys();
    if (r.ok) setKeys(r.value);
    setError(r.ok ? null : r.error);
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const opened = async (fingerprint: string, message: string) => {
    unlockedIn.set(api, fingerprint);
    setUnlocked(fingerprint);
    await load();
    setDone(message);
  };

  const active = keys?.find((k) => k.retiredAt === null) ?? null;
  const isUnlocked = active !== null && unlocked === active.fingerprint;

  return (
    <section className="panel signing-key" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('key.title')}</h2>
      <p className="muted">{t('key.intro')}</p>
      <p className="muted">{t('key.passphraseNote')}</p>
      <p className="status" role="status">
        {done}
      </p>
      {error && <ErrorNotice error={error} onRetry={() => void load()} />}
      {keys === null ? null : !active ? (
        <>
          <p>{t('key.none')}</p>
          <CreateKeyForm onDone={(fp) => opened(fp, t('key.created'))} />
        </>
      ) : (
        <>
          <dl className="key-facts">
            <dt>{t('key.fingerprint')}</dt>
            <dd>
              <code className="fingerprint" translate="no">
                {active.fingerprint}
              </code>
            </dd>
            <dt>{t('key.createdAt')}</dt>
            <dd>
              <time dateTime={active.createdAt}>{format.dateTime(active.createdAt)}</time>
            </dd>
            <dt>{t('key.state')}</dt>
            <dd>
              <span className={`pill ${isUnlocked ? 'pill-pass' : 'pill-muted'}`}>{isUnlocked ? t('key.unlocked') : t('key.locked')}</span>
            </dd>
          </dl>
          {!isUnlocked && <UnlockForm onDone={(fp) => opened(fp, t('key.unlockedNow'))} />}
          <RotateForm onDone={(fp) => opened(fp, t('key.rotated'))} />
        </>
      )}
      {keys !== null && keys.length > 0 && (
        <>
          <h3>{t('key.publicKeysTitle')}</h3>
          <div className="table-wrap">
            <table className="table public-keys-table">
              <caption className="visually-hidden">{t('key.publicKeysCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('key.fingerprint')}</th>
                  <th scope="col">{t('key.createdAt')}</th>
                  <th scope="col">{t('key.retiredAt')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('section.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {keys.map((k) => (
                  <tr key={k.fingerprint}>
                    <td>
                      <code className="fingerprint" translate="no">
                        {k.fingerprint}
                      </code>
                    </td>
                    <td className="cell-date">
                      <time dateTime={k.createdAt}>{format.dateTime(k.createdAt)}</time>
                    </td>
                    <td className="cell-date">{k.retiredAt ? <time dateTime={k.retiredAt}>{format.dateTime(k.retiredAt)}</time> : t('key.active')}</td>
                    <td className="cell-actions">
                      <DownloadLink text={k.publicKeyPem} fileName={`signing-key-${k.fingerprint.slice(0, 16)}.pem`} mediaType="application/x-pem-file" label={t('key.downloadPem')} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function useKeyForm() {
  const [problems, setProblems] = useState<Problems>({});
  const [notice, setNotice] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const fromApi = (e: ApiError) => {
    const placed = placeApiError(e);
    setProblems(placed ?? {});
    setNotice(placed ? null : e);
  };
  const reset = () => {
    setProblems({});
    setNotice(null);
  };
  return { problems, setProblems, notice, busy, setBusy, fromApi, reset };
}

function CreateKeyForm({ onDone }: { onDone: (fingerprint: string) => Promise<void> }) {
  const { t } = useTranslation('certificates');
  const api = useAppStore((s) => s.api);
  const f = useKeyForm();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const submit = async () => {
    if (passphrase.length < MIN) return f.setProblems({ passphrase: passphrase === '' ? 'required' : 'tooShort' });
    if (confirm !== passphrase) return f.setProblems({ confirm: 'mismatch' });
    f.reset();
    f.setBusy(true);
    const r = await api.certificates.setupKey({ passphrase });
    f.setBusy(false);
    if (!r.ok) return f.fromApi(r.error);
    setPassphrase('');
    setConfirm('');
    await onDone(r.value.fingerprint);
  };
  return (
    <form
      className="key-form"
      aria-label={t('key.createTitle')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{t('key.createTitle')}</h3>
      <PassField name="passphrase" label={t('key.passphrase')} hint={t('key.passphraseHint')} problem={f.problems.passphrase} value={passphrase} onValue={setPassphrase} autoComplete="new-password" />
      <PassField name="confirm" label={t('key.passphraseConfirm')} problem={f.problems.confirm} value={confirm} onValue={setConfirm} autoComplete="new-password" />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={f.busy}>
          {f.busy ? t('key.working') : t('key.create')}
        </button>
      </div>
      {f.notice && <ErrorNotice error={f.notice} />}
    </form>
  );
}

function UnlockForm({ onDone }: { onDone: (fingerprint: string) => Promise<void> }) {
  const { t } = useTranslation('certificates');
  const api = useAppStore((s) => s.api);
  const f = useKeyForm();
  const [passphrase, setPassphrase] = useState('');
  const submit = async () => {
    if (passphrase === '') return f.setProblems({ passphrase: 'required' });
    f.reset();
    f.setBusy(true);
    const r = await api.certificates.unlock({ passphrase });
    f.setBusy(false);
    if (!r.ok) return f.fromApi(r.error);
    setPassphrase('');
    await onDone(r.value.fingerprint);
  };
  return (
    <form
      className="key-form"
      aria-label={t('key.unlockTitle')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{t('key.unlockTitle')}</h3>
      <PassField name="passphrase" label={t('key.passphrase')} problem={f.problems.passphrase} value={passphrase} onValue={setPassphrase} autoComplete="current-password" />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={f.busy}>
          {f.busy ? t('key.working') : t('key.unlock')}
        </button>
      </div>
      {f.notice && <ErrorNotice error={f.notice} />}
    </form>
  );
}

function RotateForm({ onDone }: { onDone: (fingerprint: string) => Promise<void> }) {
  const { t } = useTranslation('certificates');
  const api = useAppStore((s) => s.api);
  const f = useKeyForm();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [next, setNext] = useState('');
  const [nextAgain, setNextAgain] = useState('');
  const check = () => {
    if (passphrase === '') return f.setProblems({ passphrase: 'required' });
    if (next !== '' && next.length < MIN) return f.setProblems({ newPassphrase: 'tooShort' });
    if (next !== nextAgain) return f.setProblems({ newConfirm: 'mismatch' });
    f.reset();
    setConfirming(true);
  };
  const rotate = async () => {
    f.setBusy(true);
    const r = await api.certificates.rotateKey({ passphrase, ...(next ? { newPassphrase: next } : {}) });
    f.setBusy(false);
    setConfirming(false);
    if (!r.ok) return f.fromApi(r.error);
    setPassphrase('');
    setNext('');
    setNextAgain('');
    setOpen(false);
    await onDone(r.value.fingerprint);
  };
  if (!open)
    return (
      <div className="form-actions">
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {t('key.rotate')}
        </button>
      </div>
    );
  return (
    <form
      className="key-form"
      aria-label={t('key.rotateTitle')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        check();
      }}
    >
      <h3>{t('key.rotateTitle')}</h3>
      <p className="muted">{t('key.rotateIntro')}</p>
      <PassField name="passphrase" label={t('key.currentPassphrase')} problem={f.problems.passphrase} value={passphrase} onValue={setPassphrase} autoComplete="current-password" />
      <PassField name="newPassphrase" label={t('key.newPassphrase')} hint={t('key.newPassphraseHint')} problem={f.problems.newPassphrase} value={next} onValue={setNext} autoComplete="new-password" />
      <PassField name="newConfirm" label={t('key.newPassphraseConfirm')} problem={f.problems.newConfirm} value={nextAgain} onValue={setNextAgain} autoComplete="new-password" />
      {confirming ? (
        <div className="notice notice-info" role="alert">
          <p>{t('key.rotateConfirm')}</p>
          <div className="notice-actions">
            <button type="button" className="button button-danger" disabled={f.busy} onClick={() => void rotate()}>
              {f.busy ? t('key.working') : t('key.rotateYes')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('key.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t('key.rotate')}
          </button>
          <button type="button" className="button" onClick={() => setOpen(false)}>
            {t('key.cancel')}
          </button>
        </div>
      )}
      {f.notice && <ErrorNotice error={f.notice} />}
    </form>
  );
}
