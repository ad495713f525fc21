// Bundles the Electron main process and the preload to dist/electron/ (CommonJS, `electron` external).
// The preload must be a single file: a sandboxed preload cannot require anything but `electron`.
//
//   npm run build:electron

import { build, type BuildOptions } from 'esbuild';
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

export async function buildElectron(outDir: string = ELECTRON_OUT_DIR): Promise<void> {
  await Promise.all([
    build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: path.join(outDir, 'main.js') }),
    build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: path.join(outDir, 'preload.js') }),
  ]);
}

if (process.argv[1] && /build-electron\.ts$/.test(process.argv[1])) {
  buildElectron()
    .then(() => console.log(`built ${path.relative(root, ELECTRON_OUT_DIR)}/main.js and preload.js`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
