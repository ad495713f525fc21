// The certificate's QR code, drawn as vector squares (crisp at any print size, and the same bytes every
// time). The payload is one alphanumeric segment (core/certification/qr-payload.ts) at level M.

import QRCode from 'qrcode';
import type { Doc } from './document';

export const QR_ERROR_CORRECTION = 'M';
/** The quiet zone the QR specification asks for around the symbol, in modules. */
const QUIET_MODULES = 4;

export interface QrSymbol {
  version: number;
  /** Modules on a side, without the quiet zone. */
  size: number;
  dark(row: number, col: number): boolean;
}

/**
 * The largest symbol the certificate prints: version 30 is 137 modules, 0.42 mm each in its 62 mm square,
 * about the least a phone camera reads reliably off paper. A record too long for it (a track of a dozen or
 * more modules) gets no QR code, and the page says to verify the attached file instead.
 */
export const MAX_PRINTED_QR_VERSION = 30;

export function qrSymbol(payload: string, maxVersion = 40): QrSymbol | null {
  let qr: QRCode.QRCode;
  try {
    qr = QRCode.create([{ data: payload, mode: 'alphanumeric' }], { errorCorrectionLevel: QR_ERROR_CORRECTION });
  } catch (error) {
    if (/too big/i.test((error as Error).message)) return null;
    throw error;
  }
  if (qr.version > maxVersion) return null;
  return { version: qr.version, size: qr.modules.size, dark: (r, c) => qr.modules.get(r, c) === 1 };
}

/** Draws the symbol with its quiet zone in a `sidePt` square at (x, y); returns the module size in pt. */
export function drawQr(doc: Doc, symbol: QrSymbol, x: number, y: number, sidePt: number): number {
  const cell = sidePt / (symbol.size + 2 * QUIET_MODULES);
  doc.save().rect(x, y, sidePt, sidePt).fill('#ffffff');
  const x0 = x + QUIET_MODULES * cell;
  const y0 = y + QUIET_MODULES * cell;
  for (let r = 0; r < symbol.size; r++) {
    // Runs of dark modules in a row as one rectangle: fewer path segments, no hairline gaps between cells.
    let c = 0;
    while (c < symbol.size) {
      if (!symbol.dark(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < symbol.size && symbol.dark(r, c)) c++;
      doc.rect(x0 + start * cell, y0 + r * cell, (c - start) * cell, cell);
    }
  }
  doc.fill('#000000').restore();
  return cell;
}
