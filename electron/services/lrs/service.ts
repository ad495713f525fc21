// Sync of every xAPI statement to the institution's LRS. The outbox filler makes the statements of each
// submitted exam attempt and issued record once (at start, after a submit or an issue, on each timer tick);
// the pusher sends what is due in batches, one push at a time, and removes rows only once the LRS
// acknowledged their ids. The LRS password is wrapped like the signing key (the administrator's passphrase,
// or the OS keyring where main passes one), held in memory only once unlocked, and never returned.

import type { LrsStatus, SignedIn } from '../../../core/api/contract';
import { ApiFailure } from '../../../core/api/errors';
import type { AuditTrail } from '../audit';
import { MIN_PASSPHRASE_LENGTH, passphraseProtector, WrongPassphraseError, type KeyProtector, type WrapMethod } from '../certification/keys';
import type { TrainingStore } from '../db/store';
import type { Clock } from '../runtime';
import { postStatements, type FetchPort, type PushOutcome } from './client';
import { backoffMs, createOutbox, type OutboxRow } from './outbox';

export const DEFAULT_BATCH_SIZE = 25;
/** How often the services' timer fills the outbox and pushes what is due. */
export const LRS_TICK_MS = 30_000;
/** At most this many batches per push, so one push (and the admin's wait on pushNow) stays bounded. */
const MAX_BATCHES_PER_PUSH = 40;

interface SettingsRow {
  endpoint: string;
  username: string;
  secret_wrapped: Uint8Array;
  wrap_method: WrapMethod;
}

export interface LrsConfigureInput {
  endpoint: string;
  username: string;
  password: string;
  passphrase?: string | undefined;
}

export interface LrsService {
  status(caller: SignedIn): LrsStatus;
  configure(admin: SignedIn, input: LrsConfigureInput): Promise<LrsStatus>;
  /** Unwraps the LRS password with the administrator's passphrase for this run. */
  unlock(admin: SignedIn, passphrase: string): Promise<LrsStatus>;
  /** After the signing key was unlocked with this passphrase: unlocks the LRS too when it is the same one. */
  unlockAlong(passphrase: string | undefined): Promise<boolean>;
  /** At start: unwraps an OS-wrapped password by itself. */
  openWithOs(): Promise<boolean>;
  /** Makes and queues every statement not yet made; the number queued. */
  enqueuePending(): number;
  /** Administrators push everything queued now, rejected rows and back-off included. */
  pushNow(admin: SignedIn): Promise<LrsStatus>;
  /** The timer's work: fill the outbox, then push what is due unless the LRS is backed off or a push runs. */
  tick(): Promise<void>;
  /** No more pushes; resolves once a push under way has finished. */
  stop(): Promise<void>;
}

export function createLrsService(deps: {
  store: TrainingStore;
  audit: AuditTrail;
  clock: Clock;
  osProtector?: KeyProtector | null;
  fetch?: FetchPort;
  batchSize?: number;
  timeoutMs?: number;
}): LrsService {
  const { store, audit, clock } = deps;
  const outbox = createOutbox(store, clock);
  const batchSize = deps.batchSize ?? DEFAULT_BATCH_SIZE;
  const os = deps.osProtector ?? null;
  let password: string | null = null;
  let inFlight: Promise<void> | null = null;
  let stopped = false;
  let failuresInARow = 0;
  let holdUntilMs = 0;
  let lastPushAt: string | null = null;
  let lastError: string | null = null;

  const settings = () => store.get<SettingsRow>('SELECT endpoint, username, secret_wrapped, wrap_method FROM lrs_settings WHERE id = 1');
  const must = (caller: SignedIn, roles: SignedIn['accountRole'][], what: string) => {
    if (!roles.includes(caller.accountRole)) throw new ApiFailure('forbidden', `only ${roles.join(' or ')} accounts ${what}`);
  };
  const unwrap = async (row: SettingsRow, protector: KeyProtector) => Buffer.from(await protector.unwrap(Buffer.from(row.secret_wrapped))).toString('utf8');

  const statusNow = (): LrsStatus => {
    const row = settings();
    const counts = outbox.counts();
    return {
      configured: row !== undefined,
      endpoint: row?.endpoint ?? null,
      username: row?.username ?? null,
      wrapMethod: row?.wrap_method ?? null,
      unlocked: password !== null,
      pending: counts.pending,
      rejected: counts.rejected,
      lastPushAt,
      lastError,
      nextTryAt: counts.nextTryAt && holdUntilMs > Date.parse(counts.nextTryAt) ? new Date(holdUntilMs).toISOString() : counts.nextTryAt,
      rejectedStatements: outbox.rejectedRows(20).map((r) => ({ statementId: r.statement_id, tries: r.tries, lastError: r.last_error ?? '', nextTryAt: r.next_try_at })),
    };
  };

  const failed = (message: string) => {
    failuresInARow++;
    holdUntilMs = clock.now().getTime() + backoffMs(failuresInARow);
    lastError = message;
  };
  const reachable = () => {
    failuresInARow = 0;
    holdUntilMs = 0;
  };
  const settle = (rows: OutboxRow[], outcome: PushOutcome): 'ok' | 'rejected' | 'retry' => {
    const ids = rows.map((r) => r.statement_id);
    if (outcome.kind === 'stored') {
      const acknowledged = new Set(outcome.ids);
      outbox.acknowledge(ids.filter((id) => acknowledged.has(id)));
      const missing = ids.filter((id) => !acknowledged.has(id));
      if (missing.length) outbox.retryLater(missing, 'the LRS answered 200 without this statement id');
      return missing.length ? 'retry' : 'ok';
    }
    if (outcome.kind === 'rejected') {
      outbox.reject(ids, outcome.status === 409 ? `${outcome.message} (the LRS holds a different statement with this id)` : outcome.message);
      lastError = outcome.message;
      return 'rejected';
    }
    outbox.retryLater(ids, outcome.message);
    failed(outcome.message);
    return 'retry';
  };

  const push = async (all: boolean) => {
    const row = settings();
    if (!row || password === null || stopped) return;
    const credentials = { endpoint: row.endpoint, username: row.username, password };
    const post = (rows: OutboxRow[]) => postStatements(credentials, rows.map((r) => r.statement), { timeoutMs: deps.timeoutMs, fetch: deps.fetch });
    const rows = outbox.due(batchSize * MAX_BATCHES_PER_PUSH, { all });
    let clean = true;
    for (let at = 0; at < rows.length && !stopped; at += batchSize) {
      const batch = rows.slice(at, at + batchSize);
      const outcome = await post(batch);
      lastPushAt = clock.now().toISOString();
      if (outcome.kind === 'rejected' && batch.length > 1) {
        // The LRS refuses a whole batch for one bad statement: send them one by one to keep only that one.
        for (const one of batch) {
          const result = settle([one], await post([one]));
          if (result !== 'ok') clean = false;
          if (result === 'retry') return;
          reachable();
        }
        continue;
      }
      const result = settle(batch, outcome);
      if (result !== 'ok') clean = false;
      if (result === 'retry') return;
      reachable();
    }
    if (clean && rows.length) lastError = null;
  };
  /** One push at a time: a second waits for the first, then runs. */
  const runPush = async (all: boolean) => {
    while (inFlight) await inFlight;
    const p = push(all).finally(() => {
      inFlight = null;
    });
    inFlight = p;
    await p;
  };

  const protectorFor = async (passphrase: string | undefined): Promise<KeyProtector> => {
    if (passphrase === undefined) {
      if (!os) throw new ApiFailure('invalid-payload', 'this system has no keyring that protects secrets: give the administrator passphrase (at least 12 characters)', '/passphrase');
      return os;
    }
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new ApiFailure('invalid-payload', `the passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`, '/passphrase');
    // One passphrase for both: unlocking the signing key then unlocks the LRS too.
    const key = store.get<{ private_key_wrapped: Uint8Array; wrap_method: WrapMethod }>('SELECT private_key_wrapped, wrap_method FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1');
    if (key?.wrap_method === 'passphrase-scrypt') {
      try {
        (await passphraseProtector(passphrase).unwrap(Buffer.from(key.private_key_wrapped))).fill(0);
      } catch (error) {
        if (error instanceof WrongPassphraseError) throw new ApiFailure('forbidden', 'this is not the signing key’s passphrase: the LRS password is wrapped by the same one', '/passphrase');
        throw error;
      }
    }
    return passphraseProtector(passphrase);
  };

  return {
    status(caller) {
      must(caller, ['instructor', 'admin'], 'see the LRS status');
      return statusNow();
    },

    async configure(admin, input) {
      must(admin, ['admin'], 'configure the LRS');
      const url = URL.canParse(input.endpoint) ? new URL(input.endpoint) : null;
      if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw new ApiFailure('invalid-payload', 'the endpoint must be an http or https URL', '/endpoint');
      if (url.username || url.password) throw new ApiFailure('invalid-payload', 'put the user name and password in their own fields, not in the URL', '/endpoint');
      const protector = await protectorFor(input.passphrase);
      const wrapped = await protector.wrap(Buffer.from(input.password, 'utf8'));
      const now = clock.now().toISOString();
      store.write(() => {
        store.run(
          `INSERT INTO lrs_settings (id, endpoint, username, secret_wrapped, wrap_method, updated_at, updated_by) VALUES (1, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET endpoint = excluded.endpoint, username = excluded.username, secret_wrapped = excluded.secret_wrapped,
             wrap_method = excluded.wrap_method, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
          input.endpoint,
          input.username,
          wrapped,
          protector.method,
          now,
          admin.personId,
        );
        // A new endpoint or account: everything queued is due now, refused statements included.
        store.run('UPDATE lrs_outbox SET next_try_at = ?', now);
        audit.append({ action: 'lrs.configured', actor: admin, details: { endpoint: input.endpoint, username: input.username, wrapMethod: protector.method } });
      });
      password = input.password;
      failuresInARow = 0;
      holdUntilMs = 0;
      lastError = null;
      return statusNow();
    },

    async unlock(admin, passphrase) {
      must(admin, ['admin'], 'unlock the LRS password');
      const row = settings();
      if (!row) throw new ApiFailure('conflict', 'no LRS has been configured yet');
      if (row.wrap_method !== 'passphrase-scrypt') throw new ApiFailure('conflict', `the LRS password is wrapped by ${row.wrap_method}, not a passphrase`, '/passphrase');
      try {
        password = await unwrap(row, passphraseProtector(passphrase));
      } catch (error) {
        if (error instanceof WrongPassphraseError) throw new ApiFailure('forbidden', 'the passphrase does not unlock the LRS password', '/passphrase');
        throw error;
      }
      audit.append({ action: 'lrs.unlocked', actor: admin, details: { endpoint: row.endpoint } });
      return statusNow();
    },

    async unlockAlong(passphrase) {
      const row = settings();
      if (!row || password !== null || passphrase === undefined || row.wrap_method !== 'passphrase-scrypt') return false;
      try {
        password = await unwrap(row, passphraseProtector(passphrase));
        return true;
      } catch (error) {
        if (error instanceof WrongPassphraseError) return false; // another passphrase: the LRS panel unlocks it
        throw error;
      }
    },

    async openWithOs() {
      const row = settings();
      if (!row || !os || row.wrap_method !== 'os-safe-storage' || password !== null) return false;
      password = await unwrap(row, os);
      return true;
    },

    enqueuePending: () => outbox.enqueuePending(),

    async pushNow(admin) {
      must(admin, ['admin'], 'push statements to the LRS');
      const row = settings();
      if (!row) throw new ApiFailure('conflict', 'no LRS has been configured yet');
      if (password === null) throw new ApiFailure('conflict', 'the LRS password is locked: unlock the signing key or enter the passphrase in the LRS panel');
      if (stopped) throw new ApiFailure('unavailable', 'the app is closing');
      outbox.enqueuePending();
      await runPush(true);
      return statusNow();
    },

    async tick() {
      if (stopped) return;
      let making: unknown = null;
      try {
        outbox.enqueuePending();
      } catch (error) {
        // What is queued still goes; the failure is shown and reported to the timer.
        making = error;
        lastError = `making statements failed: ${(error as Error).message}`;
      }
      if (!inFlight && password !== null && clock.now().getTime() >= holdUntilMs) await runPush(false);
      if (making) throw making;
    },

    stop() {
      stopped = true;
      return inFlight ? inFlight.catch(() => undefined) : Promise.resolve();
    },
  };
}
