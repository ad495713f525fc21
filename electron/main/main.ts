// Electron entry point, bundled to dist/electron/main.js (CommonJS) by scripts/build-electron.ts.

import path from 'node:path';
import { startDesktopApp } from './composition';

startDesktopApp({
  renderer: path.join(__dirname, '..', 'renderer'),
  preload: path.join(__dirname, 'preload.js'),
}).catch((error: unknown) => {
  console.error('Microneedling Trainer failed to start:', error);
  process.exit(1);
});
