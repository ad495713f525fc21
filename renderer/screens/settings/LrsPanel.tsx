// The institution's learning-record store (LRS): where the sync of xAPI statements stands (staff: queued,
// refused by the LRS, the last push and error, whether the password is locked in this run) and, for
// administrators, pushing now, unlocking the password with their passphrase, and setting the endpoint, user
// and password. The password is write-only: main never returns it.

import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LrsStatus } from '../../../core/api/schemas/certification';
import type { ApiError } from '../../../core/api/errors';
import { ErrorNotice } from '../../app/ErrorNotice';
import { useAppStore } from '../../app/store';
import { useFormat } from '../../app/ui/format';

type Field = 'endpoint' | 'username' | 'password' | 'passphrase';
type Problem = 'required' | 'endpoint' | 'tooShort' | 'wrong';
type Problems = Partial<Record<Field, Problem>>;

/** Main's refusal at its field, or null when it belongs to none (shown as a notice). */
function placeApiError(error: ApiError): Problems | null {
  const field = error.path?.slice(1) as Field | undefined;
  if (!field || !['endpoint', 'username', 'password', 'passphrase'].includes(field)) return null;
  if (error.code === 'forbidden') return { [field]: 'wrong' };
  if (field === 'endpoint') return { endpoint: 'endpoint' };
  if (field === 'passphrase') return { passphrase: 'tooShort' };
  return { [field]: 'required' };
}

function TextField(props: { name: Field; label: string; hint?: string; type: 'text' | 'password' | 'url'; value: string; onValue: (v: string) => void; problem?: Problem; autoComplete: string }) {
  const { t } = useTranslation('lrs');
  const id = useId();
  const described = [props.hint ? `${id}-hint` : '', props.problem ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type}
        value={props.value}
        maxLength={500}
        autoComplete={props.autoComplete}
        spellCheck={false}
        aria-invalid={props.problem ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => props.onValue(e.target.value)}
      />
      {props.hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.problem && (
        <p className="field-error" id={`${id}-error`}>
          {t(`errors.${props.problem}`)}
        </p>
      )}
    </div>
  );
}

export function LrsPanel() {
  const { t } = useTranslation('lrs');
  const api = useAppStore((s) => s.api);
  const isAdmin = useAppStore((s) => s.signedIn?.accountRole === 'admin');
  const format = useFormat();
  const id = useId();
  const [status, setStatus] = useState<LrsStatus | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const r = await api.lrs.status();
    if (r.ok) setStatus(r.value);
    setError(r.ok ? null : r.error);
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  const updated = (value: LrsStatus, message: string) => {
    setStatus(value);
    setError(null);
    setDone(message);
  };

  async function pushNow() {
    setBusy(true);
    setDone('');
    const r = await api.lrs.pushNow();
    setBusy(false);
    if (!r.ok) return setError(r.error);
    updated(r.value, r.value.lastError ? t('pushedWithError') : t('pushed'));
  }

  const state = !status ? null : !status.configured ? 'notConfigured' : status.unlocked ? 'unlocked' : 'locked';
  return (
    <section className="panel lrs" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <p className="status" role="status">
        {done}
      </p>
      {error && <ErrorNotice error={error} onRetry={() => void load()} />}
      {status && state && (
        <>
          <dl className="key-facts">
            <dt>{t('state')}</dt>
            <dd>{t(`states.${state}`)}</dd>
            {status.endpoint && (
              <>
                <dt>{t('endpoint')}</dt>
                <dd>
                  <code translate="no" data-user-content>
                    {status.endpoint}
                  </code>
                </dd>
                <dt>{t('username')}</dt>
                <dd translate="no" data-user-content>
                  {status.username}
                </dd>
              </>
            )}
            <dt>{t('pending')}</dt>
            <dd>{status.pending}</dd>
            <dt>{t('rejected')}</dt>
            <dd>{status.rejected}</dd>
            <dt>{t('lastPushAt')}</dt>
            <dd>{status.lastPushAt ? <time dateTime={status.lastPushAt}>{format.dateTime(status.lastPushAt)}</time> : t('never')}</dd>
            {status.nextTryAt && (
              <>
                <dt>{t('nextTryAt')}</dt>
                <dd>
                  <time dateTime={status.nextTryAt}>{format.dateTime(status.nextTryAt)}</time>
                </dd>
              </>
            )}
            {status.lastError && (
              <>
                <dt>{t('lastError')}</dt>
                <dd>
                  <code translate="no" data-user-content className="lrs-error">
                    {status.lastError}
                  </code>
                </dd>
              </>
            )}
          </dl>
          {state === 'locked' && <p className="notice">{t(isAdmin ? 'lockedAdmin' : 'lockedStaff')}</p>}
          {status.rejectedStatements.length > 0 && (
            <div className="table-wrap">
              <table className="table lrs-rejected">
                <caption>{t('rejectedCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('statementId')}</th>
                    <th scope="col" className="numeric">
                      {t('tries')}
                    </th>
                    <th scope="col">{t('answer')}</th>
                  </tr>
                </thead>
                <tbody>
                  {status.rejectedStatements.map((r) => (
                    <tr key={r.statementId}>
                      <td>
                        <code translate="no">{r.statementId}</code>
                      </td>
                      <td className="numeric">{r.tries}</td>
                      <td>
                        <code translate="no" data-user-content>
                          {r.lastError}
                        </code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {isAdmin && status.configured && status.unlocked && (
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void pushNow()}>
              {busy ? t('pushing') : t('pushNow')}
            </button>
          )}
          {isAdmin && state === 'locked' && status.wrapMethod === 'passphrase-scrypt' && <UnlockForm onDone={(v) => updated(v, t('unlocked'))} />}
          {isAdmin && <ConfigureForm status={status} onDone={(v) => updated(v, t('saved'))} />}
        </>
      )}
    </section>
  );
}

function UnlockForm({ onDone }: { onDone: (status: LrsStatus) => void }) {
  const { t } = useTranslation('lrs');
  const api = useAppStore((s) => s.api);
  const [passphrase, setPassphrase] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<ApiError | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!passphrase) return setProblems({ passphrase: 'required' });
    const r = await api.lrs.unlock({ passphrase });
    if (!r.ok) {
      const placed = placeApiError(r.error);
      setProblems(placed ?? {});
      return setError(placed ? null : r.error);
    }
    setPassphrase('');
    setProblems({});
    onDone(r.value);
  }
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('unlockTitle')}>
      <h3>{t('unlockTitle')}</h3>
      <TextField name="passphrase" type="password" label={t('passphrase')} value={passphrase} onValue={setPassphrase} problem={problems.passphrase} autoComplete="current-password" />
      {error && <ErrorNotice error={error} />}
      <button type="submit" className="button">
        {t('unlock')}
      </button>
    </form>
  );
}

function ConfigureForm({ status, onDone }: { status: LrsStatus; onDone: (status: LrsStatus) => void }) {
  const { t } = useTranslation('lrs');
  const api = useAppStore((s) => s.api);
  const [endpoint, setEndpoint] = useState(status.endpoint ?? '');
  const [username, setUsername] = useState(status.username ?? '');
  const [password, setPassword] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<ApiError | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Problems = {};
    if (!/^https?:\/\/\S+$/i.test(endpoint.trim())) found.endpoint = 'endpoint';
    if (!username.trim()) found.username = 'required';
    if (!password) found.password = 'required';
    if (passphrase.length < 12) found.passphrase = passphrase ? 'tooShort' : 'required';
    setProblems(found);
    if (Object.keys(found).length) return;
    const r = await api.lrs.configure({ endpoint: endpoint.trim(), username: username.trim(), password, passphrase });
    if (!r.ok) {
      const placed = placeApiError(r.error);
      setProblems(placed ?? {});
      return setError(placed ? null : r.error);
    }
    setPassword('');
    setPassphrase('');
    setError(null);
    onDone(r.value);
  }
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('configureTitle')}>
      <h3>{t('configureTitle')}</h3>
      <TextField name="endpoint" type="url" label={t('endpoint')} hint={t('endpointHint')} value={endpoint} onValue={setEndpoint} problem={problems.endpoint} autoComplete="off" />
      <TextField name="username" type="text" label={t('username')} value={username} onValue={setUsername} problem={problems.username} autoComplete="off" />
      <TextField name="password" type="password" label={t('password')} hint={t(status.configured ? 'passwordHintAgain' : 'passwordHint')} value={password} onValue={setPassword} problem={problems.password} autoComplete="new-password" />
      <TextField name="passphrase" type="password" label={t('passphrase')} hint={t('passphraseHint')} value={passphrase} onValue={setPassphrase} problem={problems.passphrase} autoComplete="current-password" />
      {error && <ErrorNotice error={error} />}
      <button type="submit" className="button button-primary">
        {t('save')}
      </button>
    </form>
  );
}
