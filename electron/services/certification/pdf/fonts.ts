// The CJK faces every PDF of this app is set in: Noto Sans SC (OFL) Regular and Bold as static TTF from
// @expo-google-fonts/noto-sans-sc (pdfkit subsets TTF correctly; WOFF2 renders nothing). A missing font is
// an error naming the path: a certificate in a fallback face would show Chinese as empty boxes.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type PDFDocument from 'pdfkit';

export const FONT_REGULAR = 'NotoSansSC-Regular';
export const FONT_BOLD = 'NotoSansSC-Bold';

const FACES = { [FONT_REGULAR]: '400Regular/NotoSansSC_400Regular.ttf', [FONT_BOLD]: '700Bold/NotoSansSC_700Bold.ttf' } as const;

export class MissingFontError extends Error {
  constructor(readonly fontPath: string) {
    super(`the PDF font is missing: ${fontPath} (install @expo-google-fonts/noto-sans-sc)`);
    this.name = 'MissingFontError';
  }
}

/** The package's folder, found from its package.json (the package has no "main" Node can resolve alone). */
function fontPackageDir(): string {
  // import.meta.url: the bundled main gets its own file URL here (scripts/build-electron.ts).
  const require = createRequire(import.meta.url);
  let manifest: string;
  try {
    manifest = require.resolve('@expo-google-fonts/noto-sans-sc/package.json');
  } catch {
    throw new MissingFontError(path.join('node_modules', '@expo-google-fonts', 'noto-sans-sc', 'package.json'));
  }
  return path.dirname(manifest);
}

export function fontPaths(dir: string = fontPackageDir()): Record<keyof typeof FACES, string> {
  return { [FONT_REGULAR]: path.join(dir, FACES[FONT_REGULAR]), [FONT_BOLD]: path.join(dir, FACES[FONT_BOLD]) };
}

/** Reads the faces; a missing file is a MissingFontError naming it. */
export function readFonts(paths: Record<string, string>): Map<string, Buffer> {
  const loaded = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(paths)) {
    if (!existsSync(file)) throw new MissingFontError(file);
    loaded.set(name, readFileSync(file));
  }
  return loaded;
}

// About 10.5 MB a face: read once per process.
let cache: Map<string, Buffer> | null = null;
const loadFonts = (): Map<string, Buffer> => (cache ??= readFonts(fontPaths()));

/**
 * The regular face, for pdfkit's constructor: without it pdfkit opens Helvetica first, from a standard-font
 * module that the bundled main process does not carry (and no text of ours is set in Helvetica).
 */
export const regularFontBytes = (): Buffer => loadFonts().get(FONT_REGULAR)!;

/** Registers both faces on a document; text is then set with doc.font(FONT_REGULAR | FONT_BOLD). */
export function registerFonts(doc: InstanceType<typeof PDFDocument>): void {
  for (const [name, bytes] of loadFonts()) doc.registerFont(name, bytes);
  doc.font(FONT_REGULAR);
}
