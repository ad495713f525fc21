import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './app-files';

export function createMainWindow(preloadPath: string, allowDevTools: boolean): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 960,
    minHeight: 640,
    show: false,
    backgroundColor: '#f4f7f7',
    title: '微针操作实训考核系统 · Microneedling Trainer',
    // Written out literally (not built by a helper) so that electronegativity can check every option;
    // test/security/desktop-shell.test.ts asserts each one.
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would otherwise open links in new windows, bypassing will-navigate.
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false,
      devTools: allowDevTools,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
