// The Electron security checklist, proven against the real main-process code running on the electron
// test double: each test fails if its setting is removed from electron/main.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  app,
  BrowserWindow,
  electronCalls,
  exposedInMainWorld,
  FakeEvent,
  FakeWebContents,
  ipcMain,
  protocol,
  resetElectronDouble,
  session,
  shell,
} from '../doubles/electron';
import { API_CALL_NAMES, apiChannel } from '../../core/api/call-names';
import { startDesktopApp } from '../../electron/main/composition';
import { EXTERNAL_ORIGIN_ALLOWLIST } from '../../electron/main/security';

let dataDir: string;
let window: BrowserWindow;

beforeEach(async () => {
  resetElectronDouble();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'microneedle-desktop-'));
  app.pathOverrides.userData = dataDir;
  const created = await startDesktopApp({ renderer: path.join(dataDir, 'renderer'), preload: '/app/dist/electron/preload.js' });
  if (!created) throw new Error('startDesktopApp returned no window');
  window = created as unknown as BrowserWindow;
});

afterEach(async () => {
  // As on quit: main stops its timers and closes the training database before the folder goes.
  app.emit('will-quit');
  await new Promise((resolve) => setTimeout(resolve, 50));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('window web preferences', () => {
  const prefs = () => window.options.webPreferences as Record<string, unknown>;

  it('isolates the context', () => expect(prefs().contextIsolation).toBe(true));
  it('sandboxes the renderer', () => expect(prefs().sandbox).toBe(true));
  it('enables the sandbox for every renderer (app.enableSandbox) before ready', () => {
    expect(app.sandboxEnabled).toBe(true);
    const sandboxAt = electronCalls.findIndex((c) => c.method === 'app.enableSandbox');
    const windowAt = electronCalls.findIndex((c) => c.method === 'BrowserWindow.constructor');
    expect(sandboxAt).toBeGreaterThanOrEqual(0);
    expect(sandboxAt).toBeLessThan(windowAt);
  });
  it('turns Node integration off everywhere', () => {
    expect(prefs().nodeIntegration).toBe(false);
    expect(prefs().nodeIntegrationInWorker).toBe(false);
    expect(prefs().nodeIntegrationInSubFrames).toBe(false);
  });
  it('keeps web security on and insecure content, experimental features and Blink flags off', () => {
    expect(prefs().webSecurity).toBe(true);
    expect(prefs().allowRunningInsecureContent).toBe(false);
    expect(prefs().experimentalFeatures).toBe(false);
    expect(prefs().enableBlinkFeatures).toBeUndefined();
    expect(prefs().webviewTag).toBe(false);
  });
  it('uses the bundled preload and no other script', () => {
    expect(prefs().preload).toBe('/app/dist/electron/preload.js');
  });
  it('hides dev tools in a packaged app', async () => {
    resetElectronDouble();
    app.isPackaged = true;
    app.pathOverrides.userData = dataDir;
    const packaged = (await startDesktopApp({ renderer: dataDir, preload: '/p.js' })) as unknown as BrowserWindow;
    expect((packaged.options.webPreferences as Record<string, unknown>).devTools).toBe(false);
  });
});

describe('the UI is served over app://, not file://', () => {
  it('loads app://app/index.html', () => {
    expect(window.loadedUrl).toBe('app://app/index.html');
    expect(electronCalls.some((c) => c.method === 'BrowserWindow.loadFile')).toBe(false);
  });
  it('registers app as a standard, secure scheme before ready, and handles it on the default session', () => {
    expect(protocol.privilegedSchemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    expect(session.defaultSession.protocol.handlers.has('app')).toBe(true);
  });
});

describe('navigation and new windows', () => {
  const contents = () => window.webContents;

  it('blocks navigation away from the app', () => {
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'http://127.0.0.1:8080/', 'app://evil/index.html']) {
      const event = new FakeEvent();
      contents().emit('will-navigate', event, url);
      expect(event.defaultPrevented, url).toBe(true);
    }
  });
  it('blocks redirects away from the app', () => {
    const event = new FakeEvent();
    contents().emit('will-redirect', event, 'https://example.com/');
    expect(event.defaultPrevented).toBe(true);
  });
  it('blocks webviews', () => {
    const event = new FakeEvent();
    contents().emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });
  it('hardens web contents created later too (web-contents-created)', () => {
    const later = new FakeWebContents('app://app/index.html');
    app.emit('web-contents-created', new FakeEvent(), later);
    const event = new FakeEvent();
    later.emit('will-navigate', event, 'https://example.com/');
    expect(event.defaultPrevented).toBe(true);
    expect(later.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
  it('denies every new window and opens only allow-listed https links in the OS browser', async () => {
    const handler = contents().windowOpenHandler;
    expect(handler).not.toBeNull();
    const allowed = `${EXTERNAL_ORIGIN_ALLOWLIST[0]}/standards`;
    for (const url of [allowed, 'https://example.com/', 'http://www.capa.org.cn/', 'file:///etc/passwd', 'app://app/index.html', 'javascript:alert(1)']) {
      expect(handler!({ url }), url).toEqual({ action: 'deny' });
    }
    await Promise.resolve();
    expect(shell.openedExternally).toEqual([allowed]);
  });
});

describe('permissions', () => {
  it('denies every permission request', () => {
    const handler = session.defaultSession.permissionRequestHandler;
    expect(handler).not.toBeNull();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      let granted: boolean | undefined;
      handler!(window.webContents, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
    }
  });
  it('answers every permission check with no', () => {
    expect(session.defaultSession.permissionCheckHandler?.(window.webContents, 'media')).toBe(false);
    expect(session.defaultSession.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
  });
});

describe('IPC registration', () => {
  it('registers exactly one handler per contract call and nothing else', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(API_CALL_NAMES.map(apiChannel).sort());
  });
  it('answers the app frame and refuses other frames and origins', async () => {
    const ok = await ipcMain.invokeAs(apiChannel('auth.chooser'), window.webContents, window.webContents.mainFrame, {});
    expect(ok).toEqual({ ok: true, value: [] });
    const evil = new FakeWebContents('https://example.com/');
    expect(await ipcMain.invokeAs(apiChannel('auth.chooser'), evil, evil.mainFrame, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // A subframe of our own window, even one showing an app:// URL, is not the app.
    const sub = new (window.webContents.mainFrame.constructor as new (url: string) => typeof window.webContents.mainFrame)('app://app/index.html');
    expect(await ipcMain.invokeAs(apiChannel('auth.chooser'), window.webContents, sub, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ipcMain.invokeAs(apiChannel('auth.chooser'), window.webContents, null, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
  it('answers an invalid payload with a typed error instead of throwing', async () => {
    const frame = window.webContents.mainFrame;
    const result = await ipcMain.invokeAs(apiChannel('auth.setup'), window.webContents, frame, { institutionName: 42, admin: {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload', path: '/institutionName' } });
    for (const payload of [null, 'text', 17, [1, 2], { recording: 'no' }, { __proto__: { polluted: true } }]) {
      const r = (await ipcMain.invokeAs(apiChannel('auth.signInStaff'), window.webContents, frame, payload)) as { ok: boolean };
      expect(r.ok, JSON.stringify(payload)).toBe(false);
    }
  });
});

describe('no insecure switches anywhere in the main process', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sources(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : []));

  it('never weakens Chromium or Electron by flag, Blink feature or preference', () => {
    const forbidden = [
      /appendSwitch\s*\(/, // no Chromium command-line switches at all (disable-web-security, ignore-certificate-errors, ...)
      /appendArgument\s*\(/,
      /enableBlinkFeatures/,
      /experimentalFeatures:\s*true/,
      /webSecurity:\s*false/,
      /allowRunningInsecureContent:\s*true/,
      /nodeIntegration(InWorker|InSubFrames)?:\s*true/,
      /contextIsolation:\s*false/,
      /sandbox:\s*false/,
      /webviewTag:\s*true/,
      /loadFile\s*\(/,
      /['"`]file:\/\//, // no page loaded from file://
      /certificate-error/,
      /setCertificateVerifyProc/,
    ];
    const hits: string[] = [];
    for (const file of sources(path.resolve(__dirname, '..', '..', 'electron'))) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of forbidden) if (pattern.test(text)) hits.push(`${path.basename(file)}: ${pattern}`);
    }
    expect(hits).toEqual([]);
  });

  it('runs a single instance: a second launch quits instead of opening another window', async () => {
    resetElectronDouble();
    app.requestSingleInstanceLock = () => false;
    try {
      expect(await startDesktopApp({ renderer: dataDir, preload: '/p.js' })).toBeNull();
      expect(electronCalls.some((c) => c.method === 'app.quit')).toBe(true);
      expect(BrowserWindow.instances).toHaveLength(0);
    } finally {
      app.requestSingleInstanceLock = () => true;
    }
  });
});

describe('preload to main, end to end on the double', () => {
  it('a call from the page reaches the services through the preload and IPC, and lands in the training database in userData', async () => {
    await import('../../electron/preload/preload');
    type Result = { ok: boolean; value?: unknown };
    const api = exposedInMainWorld.get('api') as {
      auth: { setup(a: unknown): Promise<Result> };
      people: { create(a: unknown): Promise<Result>; list(a: unknown): Promise<{ ok: boolean; value: { name: string }[] }> };
    };
    await expect(api.auth.setup({ institutionName: '华东微针培训中心', admin: { name: '陈主任', username: 'admin', password: 'correct horse battery' } })).resolves.toMatchObject({ ok: true });
    await expect(api.people.create({ accountRole: 'trainee', name: '王芳', profession: 'nurse', certificateNumber: 'N-2024-0001', certificateKind: 'nurse-qualification' })).resolves.toMatchObject({ ok: true });
    expect((await api.people.list({ accountRole: 'trainee' })).value.map((p) => p.name)).toEqual(['王芳']);
    expect(existsSync(path.join(dataDir, 'training.sqlite'))).toBe(true);
    await expect(api.people.create({ accountRole: 'trainee', name: '', profession: 'nurse', certificateNumber: 'x' })).resolves.toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    // The sign-in belongs to this window: the same call from another window of the app is not signed in.
    const other = new FakeWebContents('app://app/index.html');
    expect(await ipcMain.invokeAs(apiChannel('people.list'), other, other.mainFrame, {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  }, 30_000);
});
