// Facts about this installation, shared by the desktop and web shells.

import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = { zh: '微针操作实训考核系统', en: 'Microneedling Trainer' } as const;

/**
 * Where a shell keeps its data when none is given: the same folder Electron's app.getPath('userData')
 * uses for this product, so the desktop app and `npm run web` share profiles and sessions.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'));
  return path.join(base, PRODUCT_NAME.en);
}
