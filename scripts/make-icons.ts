// Draws the app icon (a microneedle roller on a teal tile) and writes PNGs to assets/icons/:
// icon.png (1024 px, for electron-builder's Windows and macOS icons) and NxN.png for Linux and the page.
// Rendered from signed distances with 4x4 supersampling; PNGs encoded with node:zlib.
//
//   npx tsx scripts/make-icons.ts

import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Signed distance to a rounded rectangle centred at (cx, cy) with half sizes hw, hh and corner radius r. */
function roundedRect(x: number, y: number, cx: number, cy: number, hw: number, hh: number, r: number): number {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

function circle(x: number, y: number, cx: number, cy: number, r: number): number {
  return Math.hypot(x - cx, y - cy) - r;
}

const TEAL_TOP: Rgba = [20, 128, 122, 255];
const TEAL_BOTTOM: Rgba = [13, 84, 84, 255];
const WHITE: Rgba = [247, 250, 250, 255];
const STEEL: Rgba = [176, 196, 200, 255];
const NEEDLE: Rgba = [13, 84, 84, 255];

/** Colour of the icon at a point of the unit square (y down), or null outside the tile. */
function shade(x: number, y: number): Rgba | null {
  if (roundedRect(x, y, 0.5, 0.5, 0.46, 0.46, 0.2) > 0) return null;
  // Drum of the roller with rows of needle points.
  const drum = roundedRect(x, y, 0.5, 0.36, 0.27, 0.115, 0.07);
  if (drum <= 0) {
    const col = Math.round((x - 0.5) / 0.06);
    const row = Math.round((y - 0.36) / 0.06);
    if (Math.abs(col) <= 3 && Math.abs(row) <= 1 && circle(x, y, 0.5 + col * 0.06, 0.36 + row * 0.06, 0.014) <= 0) return NEEDLE;
    return WHITE;
  }
  // Needle tips along the drum's lower edge.
  for (let i = -4; i <= 4; i++) {
    const tx = 0.5 + i * 0.056;
    if (y > 0.475 && y < 0.51 && Math.abs(x - tx) < 0.008 * (1 - (y - 0.475) / 0.035)) return WHITE;
  }
  // Fork from the drum axle to the handle, and the handle.
  if (roundedRect(x, y, 0.5, 0.56, 0.022, 0.08, 0.02) <= 0) return STEEL;
  if (roundedRect(x, y, 0.5, 0.74, 0.055, 0.13, 0.05) <= 0) return WHITE;
  const t = (y - 0.04) / 0.92;
  return TEAL_TOP.map((c, k) => Math.round(c + (TEAL_BOTTOM[k] - c) * t)) as Rgba;
}

export function renderIcon(size: number): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const ss = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (!c) continue;
          // Premultiplied accumulation keeps the anti-aliased edge free of dark fringes.
          r += c[0] * c[3]; g += c[1] * c[3]; b += c[2] * c[3]; a += c[3];
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
        out[i + 3] = Math.round(a / (ss * ss));
      }
    }
  }
  return out;
}

export const ICON_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024] as const;

function main(): void {
  const dir = path.resolve('assets/icons');
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    const png = encodePng(size, size, renderIcon(size));
    writeFileSync(path.join(dir, `${size}x${size}.png`), png);
    if (size === 1024) writeFileSync(path.join(dir, 'icon.png'), png);
  }
  console.log(`wrote ${ICON_SIZES.length + 1} icons to ${dir}`);
}

if (process.argv[1] && /make-icons\.ts$/.test(process.argv[1])) main();
