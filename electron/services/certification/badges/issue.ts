// Signs an Open Badges 3.0 credential for a completion record: a DataIntegrityProof with the eddsa-rdfc-2022
// cryptosuite, through the key ring. The private key never leaves the ring: the proof's signer hands the
// canonical bytes to ring.sign() and gets the Ed25519 signature back.

import { issue } from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { ApiFailure } from '../../../../core/api/errors';
import type { SignedRecord } from '../../../../core/certification/record';
import type { KeyRing } from '../keys';
import { unsignedBadge } from './credential';
import { didKeyOf, offlineDocumentLoader } from './document-loader';

export type OpenBadgeCredential = Record<string, unknown> & { proof: object[] };

/** Issues the badge of `signed` with the ring's unlocked active key; `now` dates the proof (default: now). */
export async function issueBadge(signed: SignedRecord, ring: KeyRing, institution: string, options: { now?: Date } = {}): Promise<OpenBadgeCredential> {
  const active = ring.active();
  if (!active) throw new ApiFailure('conflict', 'no signing key has been set up: an administrator sets one up first');
  if (!ring.unlocked()) throw new ApiFailure('conflict', 'the signing key is locked: an administrator unlocks it for this run first');
  const key = await didKeyOf(active);
  const signer = {
    id: key.verificationMethod,
    algorithm: 'Ed25519',
    async sign({ data }: { data: Uint8Array }): Promise<Uint8Array> {
      const { signatureB64, fingerprint } = ring.sign(data);
      // The key was rotated between reading it and signing: the proof would name the wrong key.
      if (fingerprint !== key.fingerprint) throw new ApiFailure('conflict', 'the signing key changed while the badge was signed; try again');
      return new Uint8Array(Buffer.from(signatureB64, 'base64'));
    },
  };
  const now = options.now ?? new Date();
  const suite = new DataIntegrityProof({ signer, cryptosuite, date: now });
  const credential = await issue({ credential: unsignedBadge(signed, { did: key.did, name: institution }), suite, documentLoader: await offlineDocumentLoader([active]), now });
  const { proof } = credential;
  // 1EdTech's JSON Schema wants `proof` as an array; the JSON-LD meaning is the same.
  return { ...credential, proof: Array.isArray(proof) ? (proof as object[]) : [proof as object] };
}

/** The badges of many records, one at a time (for an OB 3.0 export as a JSON array or JSON lines). */
export async function* badgesFor(signedRecords: Iterable<SignedRecord> | AsyncIterable<SignedRecord>, ring: KeyRing, institution: string, options: { now?: Date } = {}): AsyncIterable<OpenBadgeCredential> {
  for await (const signed of signedRecords) yield await issueBadge(signed, ring, institution, options);
}
