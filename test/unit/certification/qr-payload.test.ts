// The QR payload of a certificate: it carries the signed record (a verifier needs nothing else), fits a QR
// code at level M for a long track and a long Chinese institution name, and any changed character is a
// named problem, never a pass and never a crash.

import { describe, expect, it } from 'vitest';
import { base45Decode, base45Encode, decodeQrPayload, encodeQrPayload, QrPayloadError } from '../../../core/certification/qr-payload';
import { verifyRecord } from '../../../core/certification/record';
import { nodeVerifyCrypto } from '../../../electron/services/certification/keys';
import { qrSymbol } from '../../../electron/services/certification/pdf/qr';
import { verifyFile } from '../../../electron/services/certification/verify-file';
import { LONG_INSTITUTION, signedFixture } from './signed-fixture';

const NOW = new Date('2027-01-01T00:00:00Z');
const sha = nodeVerifyCrypto.sha256Hex;

describe('base45 (RFC 9285)', () => {
  it('encodes the RFC examples and round-trips any bytes', () => {
    expect(base45Encode(new TextEncoder().encode('AB'))).toBe('BB8');
    expect(base45Encode(new TextEncoder().encode('Hello!!'))).toBe('%69 VD92EX0');
    expect(new TextDecoder().decode(base45Decode('QED8WEX0', 't'))).toBe('ietf!');
    const bytes = Uint8Array.from({ length: 257 }, (_, i) => (i * 37) % 256);
    expect(base45Decode(base45Encode(bytes), 't')).toEqual(bytes);
    expect(() => base45Decode('GGW', 't')).toThrow(/out of range/);
    expect(() => base45Decode('ab', 't')).toThrow(QrPayloadError);
  });
});

describe('the QR payload', () => {
  it('decodes to the signed record, which verifies', () => {
    const { signed, bytes, publicKeys } = signedFixture();
    const payload = encodeQrPayload(signed, bytes);
    expect(payload.startsWith('MNR1:MN-2026-000123:')).toBe(true);
    expect(payload).toMatch(/^[0-9A-Z $%*+\-./:]+$/); // one QR alphanumeric segment
    const decoded = decodeQrPayload(payload, sha);
    expect(decoded).toEqual(signed);
    expect(verifyRecord(decoded, publicKeys, NOW, new Set(), nodeVerifyCrypto)).toEqual({ ok: true, problems: [], number: 'MN-2026-000123' });
  });

  it('fits a QR code at level M for 6 modules and a long Chinese institution name, small enough to scan in print', () => {
    const { signed, bytes } = signedFixture({ modules: 6, institution: LONG_INSTITUTION });
    const payload = encodeQrPayload(signed, bytes);
    expect(payload.length).toBeLessThan(1600);
    const symbol = qrSymbol(payload)!;
    // Version 27 at most: 125 modules, so 0.5 mm a module in the certificate's 62 mm square.
    expect(symbol.version).toBeLessThanOrEqual(27);
    expect(symbol.size).toBe(17 + 4 * symbol.version);
  });

  it('a changed character anywhere is a named problem, never a pass', async () => {
    const { signed, bytes, publicKeys } = signedFixture();
    const payload = encodeQrPayload(signed, bytes);
    const seen = new Set<string>();
    for (let at = 5; at < payload.length; at += 7) {
      if (payload[at] === ':') continue;
      const changed = payload.slice(0, at) + (payload[at] === 'A' ? 'B' : 'A') + payload.slice(at + 1);
      const r = await verifyFile({ fileName: 'scan.txt', bytes: new TextEncoder().encode(changed) }, { publicKeys, revoked: new Set(), now: NOW, crypto: nodeVerifyCrypto });
      expect(r.ok, `changed at ${at}`).toBe(false);
      expect(r.kind).toBe('qr');
      expect(r.problems.length).toBeGreaterThan(0);
      for (const p of r.problems) seen.add(p);
    }
    // Changes in the record, the signature and the fingerprint show as different named problems.
    expect([...seen]).toEqual(expect.arrayContaining(['qr-damaged', 'signature']));
  });

  it('names what is wrong with a payload that is not one', () => {
    const { signed, bytes } = signedFixture();
    const payload = encodeQrPayload(signed, bytes);
    const code = (text: string) => {
      try {
        decodeQrPayload(text, sha);
        return 'decoded';
      } catch (error) {
        return (error as QrPayloadError).code;
      }
    };
    expect(code('HELLO')).toBe('prefix');
    expect(code('MNR1:MN-2026-000123:AB')).toBe('fields');
    expect(code(payload.replace('MN-2026-000123', 'MN-2026-000124'))).toBe('number');
    expect(code(`${payload.slice(0, 20)}${'G'.repeat(64)}${payload.slice(84)}`)).toBe('fingerprint');
    expect(code(`${payload.slice(0, 19)}-${payload.slice(20)}`)).toBe('fields');
    // A record cut short (a scan that lost its end) does not inflate, or inflates to bytes that are not JSON.
    expect(code(payload.slice(0, payload.length - 40))).toMatch(/^(inflate|json|encoding)$/);
  });
});
