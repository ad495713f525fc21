// Bundles the Electron main process and the preload to dist/electron/ (CommonJS, `electron` external).
// The preload must be a single file: a sandboxed preload cannot require anything but `electron`.
//
//   npm run build:electron

import { build, type BuildOptions, type Message } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const ELECTRON_OUT_DIR = path.join(root, 'dist', 'electron');

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22', // Electron 45 ships Node 22
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

/**
 * Main only: core/node modules find their assets from import.meta.url; CommonJS has no import.meta, so
 * the bundle gets its own file URL (dist/electron/main.js, whose ../../assets is the app's assets folder).
 * The preload must not get this: a sandboxed preload may require nothing but electron.
 */
const mainOnly: BuildOptions = {
  define: { 'import.meta.url': '__bundleFileUrl' },
  banner: { js: 'const __bundleFileUrl = require("node:url").pathToFileURL(__filename).href;' },
};

/** The main bundle's esbuild options (tests bundle other entries the same way to check what ships). */
export const MAIN_BUNDLE_OPTIONS: BuildOptions = { ...common, ...mainOnly };

/** Builds both bundles; returns esbuild's warnings (a warning here usually means broken code at run time). */
/**
 * pdfkit finds its sRGB ICC profile (PDF/A, the certificate's archival profile) next to its own file; in the
 * bundle that is dist/electron/, so the profile is copied to dist/electron/data/. The PDF fonts travel with
 * the package (electron-builder's files keep @expo-google-fonts/noto-sans-sc's two faces).
 */
export function copyPdfkitData(outDir: string): void {
  const icc = 'sRGB_IEC61966_2_1.icc';
  mkdirSync(path.join(outDir, 'data'), { recursive: true });
  copyFileSync(path.join(root, 'node_modules', 'pdfkit', 'js', 'data', icc), path.join(outDir, 'data', icc));
}

export async function buildElectron(outDir: string = ELECTRON_OUT_DIR): Promise<Message[]> {
  copyPdfkitData(outDir);
  const results = await Promise.all([
    build({ ...MAIN_BUNDLE_OPTIONS, entryPoints: ['electron/main/main.ts'], outfile: path.join(outDir, 'main.js') }),
    build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: path.join(outDir, 'preload.js') }),
  ]);
  return results.flatMap((r) => r.warnings);
}

if (process.argv[1] && /build-electron\.ts$/.test(process.argv[1])) {
  buildElectron()
    .then(() => console.log(`built ${path.relative(root, ELECTRON_OUT_DIR)}/main.js and preload.js`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
