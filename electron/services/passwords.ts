// Password and PIN hashing: scrypt from node:crypto with OWASP's parameters (N=2^17, r=8, p=1), a
// 16-byte salt per secret, stored with its parameters so they can be raised later. Never logged.

import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}
/** OWASP Password Storage Cheat Sheet, scrypt: N=2^17 (128 MiB), r=8, p=1. */
export const OWASP_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
const KEY_BYTES = 32;

export interface PasswordHasher {
  hash(secret: string): Promise<string>;
  verify(secret: string, stored: string): Promise<boolean>;
}

function derive(secret: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 128 * params.N * params.r * 2 };
  return new Promise((resolve, reject) => scrypt(secret.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** `params` other than OWASP's are for unit tests only (they would take minutes at full cost). */
export function createScryptHasher(params: ScryptParams = OWASP_SCRYPT): PasswordHasher {
  return {
    async hash(secret) {
      const salt = randomBytes(16);
      const key = await derive(secret, salt, params);
      return `scrypt$N=${params.N},r=${params.r},p=${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
    },
    async verify(secret, stored) {
      const m = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(stored);
      if (!m) return false;
      const expected = Buffer.from(m[5], 'base64');
      const key = await derive(secret, Buffer.from(m[4], 'base64'), { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) });
      return key.length === expected.length && timingSafeEqual(key, expected);
    },
  };
}

/** A hash of a random secret, verified against when an account is unknown, so both take the same time. */
export async function decoyHash(hasher: PasswordHasher): Promise<string> {
  return hasher.hash(randomBytes(18).toString('base64'));
}
