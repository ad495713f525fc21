// The signing keys of completion records: Ed25519 (node:crypto). The private key is never stored in clear:
// it is wrapped by a KeyProtector, here the administrator's passphrase (scrypt → AES-256-GCM); Electron's
// safeStorage protector is wired in electron/main (this file must not import electron). A key's
// fingerprint is the SHA-256 (hex) of its SPKI DER. rotate() retires the active key and makes a new one;
// retired public keys stay in the table so that every record they signed still verifies.

import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, scrypt, sign, verify, type KeyObject } from 'node:crypto';
import type { PublicKeyEntry, VerifyCrypto } from '../../../core/certification/record';
import { ApiFailure } from '../../../core/api/errors';
import type { TrainingStore } from '../db/store';
import type { Clock } from '../runtime';

export type WrapMethod = 'passphrase-scrypt' | 'os-safe-storage';

export interface KeyProtector {
  readonly method: WrapMethod;
  wrap(pkcs8: Buffer): Promise<Buffer>;
  unwrap(wrapped: Buffer): Promise<Buffer>;
}

/** scrypt cost of the passphrase wrap: N = 2^15, r = 8, p = 1 (32 MiB of memory). */
export const PASSPHRASE_SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;
export const MIN_PASSPHRASE_LENGTH = 12;
const MAGIC = Buffer.from('MNK1');
const SALT = 16;
const IV = 12;
const TAG = 16;

function deriveKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  const { N, r, p } = PASSPHRASE_SCRYPT;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, { N, r, p, maxmem: 128 * N * r * 2 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export class WrongPassphraseError extends Error {
  constructor() {
    super('the passphrase does not unlock the signing key');
    this.name = 'WrongPassphraseError';
  }
}

/** Wraps with a key derived from the passphrase; stored as MNK1 ‖ salt ‖ iv ‖ tag ‖ ciphertext. */
export function passphraseProtector(passphrase: string): KeyProtector {
  return {
    method: 'passphrase-scrypt',
    async wrap(pkcs8) {
      const salt = randomBytes(SALT);
      const iv = randomBytes(IV);
      const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, salt), iv);
      cipher.setAAD(MAGIC);
      const body = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
      return Buffer.concat([MAGIC, salt, iv, cipher.getAuthTag(), body]);
    },
    async unwrap(wrapped) {
      if (wrapped.length < MAGIC.length + SALT + IV + TAG + 1 || !wrapped.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('the wrapped key is not in the passphrase format');
      let at = MAGIC.length;
      const salt = wrapped.subarray(at, (at += SALT));
      const iv = wrapped.subarray(at, (at += IV));
      const tag = wrapped.subarray(at, (at += TAG));
      const decipher = createDecipheriv('aes-256-gcm', await deriveKey(passphrase, salt), iv);
      decipher.setAAD(MAGIC);
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(wrapped.subarray(at)), decipher.final()]);
      } catch {
        throw new WrongPassphraseError();
      }
    },
  };
}

const OS_MAGIC = Buffer.from('MNO1');

/**
 * The OS's own protection (Electron's async safeStorage: Keychain, DPAPI, libsecret/kwallet) as a
 * KeyProtector. electron/main passes safeStorage's two calls; the services never import electron. The
 * PKCS#8 DER travels as base64 text because safeStorage encrypts strings. Stored as MNO1 ‖ ciphertext.
 */
export function stringCipherProtector(cipher: { encrypt(text: string): Promise<Buffer>; decrypt(bytes: Buffer): Promise<string> }): KeyProtector {
  return {
    method: 'os-safe-storage',
    async wrap(pkcs8) {
      return Buffer.concat([OS_MAGIC, await cipher.encrypt(pkcs8.toString('base64'))]);
    },
    async unwrap(wrapped) {
      if (wrapped.length <= OS_MAGIC.length || !wrapped.subarray(0, OS_MAGIC.length).equals(OS_MAGIC)) throw new Error('the wrapped key is not in the OS safe-storage format');
      return Buffer.from(await cipher.decrypt(wrapped.subarray(OS_MAGIC.length)), 'base64');
    },
  };
}

export function fingerprintOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

/** A new Ed25519 pair: the PKCS#8 DER private key (to wrap at once) and the public key as PEM. */
export function generateSigningKey(): { fingerprint: string; publicKeyPem: string; pkcs8: Buffer } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { fingerprint: fingerprintOf(publicKey), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), pkcs8: privateKey.export({ type: 'pkcs8', format: 'der' }) };
}

/** Ed25519 and SHA-256 from node:crypto, for core's verifyRecord. */
export const nodeVerifyCrypto: VerifyCrypto = {
  verify: (bytes, signatureB64, publicKeyPem) => verify(null, bytes, createPublicKey(publicKeyPem), Buffer.from(signatureB64, 'base64')),
  sha256Hex: (bytes) => createHash('sha256').update(bytes).digest('hex'),
};

export interface SigningKeyInfo extends PublicKeyEntry {
  wrapMethod: WrapMethod;
  createdAt: string;
  retiredAt: string | null;
}

interface KeyRow {
  fingerprint: string;
  public_key_pem: string;
  private_key_wrapped: Uint8Array;
  wrap_method: WrapMethod;
  created_at: string;
  retired_at: string | null;
}

const toInfo = (r: KeyRow): SigningKeyInfo => ({ fingerprint: r.fingerprint, publicKeyPem: r.public_key_pem, wrapMethod: r.wrap_method, createdAt: r.created_at, retiredAt: r.retired_at });

export interface KeyRing {
  /** Every key, active first then newest retired: the public halves verify old records. */
  all(): SigningKeyInfo[];
  active(): SigningKeyInfo | null;
  /** Creates the first key, wrapped by the protector, and unlocks it for this run. */
  setup(protector: KeyProtector): Promise<SigningKeyInfo>;
  /** Unwraps the active key for this run (kept in memory only). */
  unlock(protector: KeyProtector): Promise<SigningKeyInfo>;
  /** Retires the active key (the protector must unwrap it) and makes a new one wrapped by the protector; the new one is unlocked. */
  rotate(current: KeyProtector, next?: KeyProtector): Promise<{ retired: SigningKeyInfo; active: SigningKeyInfo }>;
  unlocked(): boolean;
  /** Signs with the unlocked active key: the signature (base64) and the key's fingerprint. */
  sign(bytes: Uint8Array): { signatureB64: string; fingerprint: string };
}

export function createKeyRing(store: TrainingStore, clock: Clock): KeyRing {
  let open: { fingerprint: string; key: KeyObject } | null = null;
  const activeRow = () => store.get<KeyRow>('SELECT * FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1');
  const unwrapActive = async (protector: KeyProtector): Promise<{ row: KeyRow; key: KeyObject }> => {
    const row = activeRow();
    if (!row) throw new ApiFailure('conflict', 'no signing key has been set up yet', '/passphrase');
    if (row.wrap_method !== protector.method) throw new ApiFailure('conflict', `the signing key is wrapped by ${row.wrap_method}, not ${protector.method}`, '/passphrase');
    let pkcs8: Buffer;
    try {
      pkcs8 = await protector.unwrap(Buffer.from(row.private_key_wrapped));
    } catch (error) {
      if (error instanceof WrongPassphraseError) throw new ApiFailure('forbidden', error.message, '/passphrase');
      throw error;
    }
    const key = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
    pkcs8.fill(0);
    if (fingerprintOf(createPublicKey(key)) !== row.fingerprint) throw new ApiFailure('storage-corrupt', 'the unwrapped signing key does not match its fingerprint');
    return { row, key };
  };
  const insert = async (protector: KeyProtector) => {
    const made = generateSigningKey();
    const wrapped = await protector.wrap(made.pkcs8);
    const key = createPrivateKey({ key: made.pkcs8, format: 'der', type: 'pkcs8' });
    made.pkcs8.fill(0);
    return { made, wrapped, key };
  };
  const byFingerprint = (fp: string) => toInfo(store.get<KeyRow>('SELECT * FROM signing_keys WHERE fingerprint = ?', fp)!);

  return {
    all: () => store.all<KeyRow>('SELECT * FROM signing_keys ORDER BY retired_at IS NOT NULL, coalesce(retired_at, created_at) DESC').map(toInfo),
    active: () => {
      const r = activeRow();
      return r ? toInfo(r) : null;
    },
    async setup(protector) {
      if (activeRow()) throw new ApiFailure('conflict', 'a signing key exists already; rotate it instead', '/passphrase');
      const { made, wrapped, key } = await insert(protector);
      store.write(() => {
        if (activeRow()) throw new ApiFailure('conflict', 'a signing key exists already; rotate it instead', '/passphrase');
        store.run('INSERT INTO signing_keys (fingerprint, public_key_pem, private_key_wrapped, wrap_method, created_at, retired_at) VALUES (?, ?, ?, ?, ?, NULL)', made.fingerprint, made.publicKeyPem, wrapped, protector.method, clock.now().toISOString());
      });
      open = { fingerprint: made.fingerprint, key };
      return byFingerprint(made.fingerprint);
    },
    async unlock(protector) {
      const { row, key } = await unwrapActive(protector);
      open = { fingerprint: row.fingerprint, key };
      return toInfo(row);
    },
    async rotate(current, next = current) {
      const { row } = await unwrapActive(current);
      const protector = next;
      const { made, wrapped, key } = await insert(protector);
      const at = clock.now().toISOString();
      store.write(() => {
        store.run('UPDATE signing_keys SET retired_at = ? WHERE fingerprint = ? AND retired_at IS NULL', at, row.fingerprint);
        store.run('INSERT INTO signing_keys (fingerprint, public_key_pem, private_key_wrapped, wrap_method, created_at, retired_at) VALUES (?, ?, ?, ?, ?, NULL)', made.fingerprint, made.publicKeyPem, wrapped, protector.method, at);
      });
      open = { fingerprint: made.fingerprint, key };
      return { retired: byFingerprint(row.fingerprint), active: byFingerprint(made.fingerprint) };
    },
    unlocked: () => open !== null && activeRow()?.fingerprint === open.fingerprint,
    sign(bytes) {
      const current = activeRow();
      if (!current) throw new ApiFailure('conflict', 'no signing key has been set up: an administrator sets one up first');
      if (!open || open.fingerprint !== current.fingerprint) throw new ApiFailure('conflict', 'the signing key is locked: an administrator unlocks it for this run first');
      return { signatureB64: sign(null, bytes, open.key).toString('base64'), fingerprint: open.fingerprint };
    },
  };
}
