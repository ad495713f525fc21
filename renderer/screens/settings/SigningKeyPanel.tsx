// The institution's signing key for completion records (administrators): whether there is one, its
// fingerprint, how it is protected and whether it is unlocked for this run (main's certificates.keyStatus);
// creating it (with the OS keyring where it really protects keys, or a passphrase that is never stored),
// unlocking and rotating it; and every public key, retired ones included, as a PEM download.

import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicKeyInfo } from '../../../core/api/contract';
import type { KeyStatus } from '../../../core/api/schemas/certification';
import type { ApiError } from '../../../core/api/errors';
import { ErrorNotice } from '../../app/ErrorNotice';
import { useAppStore } from '../../app/store';
import { useFormat } from '../../app/ui/format';
import { DownloadLink } from '../records/CertificatesSection';

const MIN = 12;

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
  const [status, setStatus] = useState<KeyStatus | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState('');

  const load = useCallback(async () => {
    const [k, st] = await Promise.all([api.certificates.publicKeys(), api.certificates.keyStatus({})]);
    if (k.ok) setKeys(k.value);
    if (st.ok) setStatus(st.value);
    setError(!k.ok ? k.error : !st.ok ? st.error : null);
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const opened = async (message: string) => {
    await load();
    setDone(message);
  };

  const active = keys?.find((k) => k.retiredAt === null) ?? null;
  const isUnlocked = status?.state === 'unlocked';
  const byOs = active?.wrapMethod === 'os-safe-storage';

  return (
    <section className="panel signing-key" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('key.title')}</h2>
      <p className="muted">{t('key.intro')}</p>
      <p className="muted">{t(byOs ? 'key.osNote' : 'key.passphraseNote')}</p>
      <p className="status" role="status">
        {done}
      </p>
      {error && <ErrorNotice error={error} onRetry={() => void load()} />}
      {keys === null || status === null ? null : !active ? (
        <>
          <p>{t('key.none')}</p>
          <CreateKeyForm osProtection={status.osProtection} onDone={() => opened(t('key.created'))} />
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
            <dt>{t('key.protection')}</dt>
            <dd>{t(byOs ? 'key.byOs' : 'key.byPassphrase')}</dd>
            <dt>{t('key.state')}</dt>
            <dd>
              <span className={`pill ${isUnlocked ? 'pill-pass' : 'pill-muted'}`}>{isUnlocked ? t('key.unlocked') : t('key.locked')}</span>
            </dd>
          </dl>
          {!isUnlocked && !byOs && <UnlockForm onDone={() => opened(t('key.unlockedNow'))} />}
          {!isUnlocked && byOs && (
            <p className="notice notice-error" role="alert">
              {t('key.osUnavailable')}
            </p>
          )}
          {(isUnlocked || !byOs) && <RotateForm byOs={byOs} onDone={() => opened(t('key.rotated'))} />}
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

function CreateKeyForm({ osProtection, onDone }: { osProtection: boolean; onDone: () => Promise<void> }) {
  const { t } = useTranslation('certificates');
  const api = useAppStore((s) => s.api);
  const f = useKeyForm();
  const choiceName = useId();
  const [withOs, setWithOs] = useState(osProtection);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const submit = async () => {
    if (!withOs && passphrase.length < MIN) return f.setProblems({ passphrase: passphrase === '' ? 'required' : 'tooShort' });
    if (!withOs && confirm !== passphrase) return f.setProblems({ confirm: 'mismatch' });
    f.reset();
    f.setBusy(true);
    const r = await api.certificates.setupKey(withOs ? {} : { passphrase });
    f.setBusy(false);
    if (!r.ok) return f.fromApi(r.error);
    setPassphrase('');
    setConfirm('');
    await onDone();
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
      {osProtection ? (
        <fieldset className="choice-group">
          <legend>{t('key.protection')}</legend>
          <label>
            <input type="radio" name={choiceName} checked={withOs} onChange={() => setWithOs(true)} /> {t('key.chooseOs')}
          </label>
          <label>
            <input type="radio" name={choiceName} checked={!withOs} onChange={() => setWithOs(false)} /> {t('key.choosePassphrase')}
          </label>
        </fieldset>
      ) : (
        <p className="muted">{t('key.noOsProtection')}</p>
      )}
      {!withOs && (
        <>
          <PassField name="passphrase" label={t('key.passphrase')} hint={t('key.passphraseHint')} problem={f.problems.passphrase} value={passphrase} onValue={setPassphrase} autoComplete="new-password" />
          <PassField name="confirm" label={t('key.passphraseConfirm')} problem={f.problems.confirm} value={confirm} onValue={setConfirm} autoComplete="new-password" />
        </>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={f.busy}>
          {f.busy ? t('key.working') : t('key.create')}
        </button>
      </div>
      {f.notice && <ErrorNotice error={f.notice} />}
    </form>
  );
}

function UnlockForm({ onDone }: { onDone: () => Promise<void> }) {
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
    await onDone();
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

function RotateForm({ byOs, onDone }: { byOs: boolean; onDone: () => Promise<void> }) {
  const { t } = useTranslation('certificates');
  const api = useAppStore((s) => s.api);
  const f = useKeyForm();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [next, setNext] = useState('');
  const [nextAgain, setNextAgain] = useState('');
  const check = () => {
    if (!byOs && passphrase === '') return f.setProblems({ passphrase: 'required' });
    if (next !== '' && next.length < MIN) return f.setProblems({ newPassphrase: 'tooShort' });
    if (next !== nextAgain) return f.setProblems({ newConfirm: 'mismatch' });
    f.reset();
    setConfirming(true);
  };
  const rotate = async () => {
    f.setBusy(true);
    const r = await api.certificates.rotateKey({ ...(byOs ? {} : { passphrase }), ...(next ? { newPassphrase: next } : {}) });
    f.setBusy(false);
    setConfirming(false);
    if (!r.ok) return f.fromApi(r.error);
    setPassphrase('');
    setNext('');
    setNextAgain('');
    setOpen(false);
    await onDone();
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
      {!byOs && <PassField name="passphrase" label={t('key.currentPassphrase')} problem={f.problems.passphrase} value={passphrase} onValue={setPassphrase} autoComplete="current-password" />}
      <PassField name="newPassphrase" label={t('key.newPassphrase')} hint={t(byOs ? 'key.newPassphraseHintOs' : 'key.newPassphraseHint')} problem={f.problems.newPassphrase} value={next} onValue={setNext} autoComplete="new-password" />
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
