// The composition root of the desktop app: security policy, the app:// protocol, the services and their
// IPC handlers, and the window. Everything Electron-specific is wired here and nowhere in the services.

import { app, BrowserWindow, ipcMain, session } from 'electron';
import { createServices, loadScoringPorts, openDataFolderStorage } from '../services';
import { PRODUCT_NAME } from '../services/app-info';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { registerApiHandlers } from './ipc';
import { osKeyProtector } from './os-key-protector';
import { applySessionPolicy, installWebContentsHardening } from './security';
import { createMainWindow } from './window';

export interface DesktopPaths {
  /** dist/renderer */
  renderer: string;
  /** dist/electron/preload.js */
  preload: string;
}

export async function startDesktopApp(paths: DesktopPaths): Promise<BrowserWindow | null> {
  // Before 'ready': scheme privileges and sandboxing for every renderer.
  registerAppScheme();
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  installWebContentsHardening();

  await app.whenReady();
  applySessionPolicy(session.defaultSession);
  handleAppProtocol(session.defaultSession, paths.renderer);

  const dataDir = app.getPath('userData');
  const services = await createServices({
    storage: await openDataFolderStorage(dataDir),
    scoring: loadScoringPorts(),
    legacyDataDir: dataDir,
    osKeyProtector: await osKeyProtector(),
    timers: true,
    onInternalError: (name, error) => console.error(`[api] ${name} failed:`, error),
    appInfo: {
      productName: { ...PRODUCT_NAME },
      version: app.getVersion(),
      shell: 'desktop',
      platform: process.platform,
      locale: app.getLocale(),
      dataDir,
    },
  });
  registerApiHandlers(ipcMain, services.dispatch);
  app.on('will-quit', () => void services.dispose());

  const allowDevTools = !app.isPackaged;
  let window = createMainWindow(paths.preload, allowDevTools);

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = createMainWindow(paths.preload, allowDevTools);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  return window;
}
