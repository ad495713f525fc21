// Test double for the `electron` module (vitest aliases `electron` to this file in every project).
// It models what the main process and preload use, records every call in `electronCalls`, and keeps
// enough state (windows, handlers, exposed APIs) for tests to drive the real main-process code:
// emit web-contents events, invoke IPC handlers as a given frame, call the app:// handler.

type Listener = (...args: unknown[]) => unknown;

export const electronCalls: { method: string; args: unknown[] }[] = [];
function record(method: string, ...args: unknown[]) {
  electronCalls.push({ method, args });
}

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== wrapped));
      return listener(...args);
    };
    return this.on(event, wrapped);
  }
  emit(event: string, ...args: unknown[]): boolean {
    const list = this.listeners.get(event) ?? [];
    for (const l of list) l(...args);
    return list.length > 0;
  }
  listenerCount(event: string): number {
    return (this.listeners.get(event) ?? []).length;
  }
}

/** A navigation-style event; tests check `defaultPrevented`. */
export class FakeEvent {
  defaultPrevented = false;
  preventDefault() {
    this.defaultPrevented = true;
  }
}

export class FakeFrame {
  url: string;
  constructor(url: string) {
    this.url = url;
  }
}

export class FakeWebContents extends Emitter {
  private static nextId = 1;
  /** Unique per webContents, as Electron's: main binds sign-ins to it. */
  readonly id = FakeWebContents.nextId++;
  readonly mainFrame: FakeFrame;
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  constructor(url = 'app://app/index.html') {
    super();
    this.mainFrame = new FakeFrame(url);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }) {
    record('webContents.setWindowOpenHandler', handler);
    this.windowOpenHandler = handler;
  }
  getURL() {
    return this.mainFrame.url;
  }
}

export class BrowserWindow extends Emitter {
  static instances: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.instances.filter((w) => !w.destroyed);
  }
  readonly options: Record<string, unknown>;
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  destroyed = false;
  visible = false;
  constructor(options: Record<string, unknown> = {}) {
    super();
    record('BrowserWindow.constructor', options);
    this.options = options;
    BrowserWindow.instances.push(this);
    // Real Electron fires web-contents-created for every new window.
    app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }
  loadURL(url: string) {
    record('BrowserWindow.loadURL', url);
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  loadFile(file: string) {
    record('BrowserWindow.loadFile', file);
    this.loadedUrl = `file://${file}`;
    return Promise.resolve();
  }
  show() {
    this.visible = true;
  }
  focus() {
    record('BrowserWindow.focus');
  }
  isMinimized() {
    return false;
  }
  restore() {}
  destroy() {
    this.destroyed = true;
  }
}

class FakeApp extends Emitter {
  isPackaged = false;
  sandboxEnabled = false;
  /** Tests point userData at a temp dir through this. */
  pathOverrides: Record<string, string> = {};
  getPath = (name: string) => this.pathOverrides[name] ?? `/tmp/electron-double/${name}`;
  getLocale = () => 'zh-CN';
  getVersion = () => '0.0.0-test';
  whenReady = () => Promise.resolve();
  enableSandbox() {
    record('app.enableSandbox');
    this.sandboxEnabled = true;
  }
  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock');
    return true;
  }
  override on(event: string, listener: Listener): this {
    record('app.on', event, listener);
    return super.on(event, listener);
  }
  quit() {
    record('app.quit');
  }
}
export const app = new FakeApp();

type ProtocolHandler = (request: { url: string }) => Response | Promise<Response>;

class FakeProtocol {
  readonly handlers = new Map<string, ProtocolHandler>();
  privilegedSchemes: { scheme: string; privileges?: Record<string, boolean> }[] = [];
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]) {
    record('protocol.registerSchemesAsPrivileged', schemes);
    this.privilegedSchemes.push(...schemes);
  }
  handle(scheme: string, handler: ProtocolHandler) {
    record('protocol.handle', scheme, handler);
    this.handlers.set(scheme, handler);
  }
  unhandle(scheme: string) {
    this.handlers.delete(scheme);
  }
}
export const protocol = new FakeProtocol();

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void;

class FakeSession {
  readonly protocol = new FakeProtocol();
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: ((contents: unknown, permission: string) => boolean) | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  setPermissionRequestHandler(handler: PermissionRequestHandler) {
    record('session.setPermissionRequestHandler', handler);
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean) {
    record('session.setPermissionCheckHandler', handler);
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: (details: unknown) => boolean) {
    record('session.setDevicePermissionHandler', handler);
    this.devicePermissionHandler = handler;
  }
}
export const session = { defaultSession: new FakeSession() };

type IpcHandler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain extends Emitter {
  readonly handlers = new Map<string, IpcHandler>();
  handle(channel: string, handler: IpcHandler) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    record('ipcMain.handle', channel);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  /** Calls a handler as Electron would for a message from `frame` of `sender`. */
  async invokeAs(channel: string, sender: FakeWebContents, frame: FakeFrame | null, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    // Real IPC structured-clones payloads; so does the double, so non-cloneable payloads fail the same way.
    return handler({ sender, senderFrame: frame, processId: 1, frameId: 1 }, ...structuredClone(args));
  }
}
export const ipcMain = new FakeIpcMain();

export const shell = {
  openedExternally: [] as string[],
  openExternal(url: string) {
    record('shell.openExternal', url);
    shell.openedExternally.push(url);
    return Promise.resolve();
  },
};

/** What the preload exposed, by key. */
export const exposedInMainWorld = new Map<string, unknown>();
export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown) {
    record('contextBridge.exposeInMainWorld', key, api);
    exposedInMainWorld.set(key, api);
  },
};

/** The renderer side of IPC: invokes go to ipcMain's handlers as the main frame of `ipcRenderer.sender`. */
export const ipcRenderer = {
  sender: new FakeWebContents(),
  invoke(channel: string, ...args: unknown[]) {
    record('ipcRenderer.invoke', channel, ...args);
    return ipcMain.invokeAs(channel, ipcRenderer.sender, ipcRenderer.sender.mainFrame, ...args);
  },
};

export const Menu = {
  setApplicationMenu(menu: unknown) {
    record('Menu.setApplicationMenu', menu);
  },
};

/**
 * safeStorage: a reversible stand-in cipher (not protection: tests only check that main wraps and unwraps
 * through it) with the availability and Linux backend a test chooses.
 */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret' as 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown',
  async isAsyncEncryptionAvailable() {
    record('safeStorage.isAsyncEncryptionAvailable');
    return safeStorage.available;
  },
  getSelectedStorageBackend() {
    return safeStorage.backend;
  },
  async encryptStringAsync(text: string) {
    record('safeStorage.encryptStringAsync');
    return Buffer.from(`os:${Buffer.from(text, 'utf8').toString('hex')}`);
  },
  async decryptStringAsync(bytes: Buffer) {
    record('safeStorage.decryptStringAsync');
    const text = bytes.toString('utf8');
    if (!text.startsWith('os:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return { shouldReEncrypt: false, result: Buffer.from(text.slice(3), 'hex').toString('utf8') };
  },
};

/** Forgets every window, handler, listener and recorded call, for test isolation. */
export function resetElectronDouble(): void {
  electronCalls.length = 0;
  BrowserWindow.instances = [];
  app.listeners.clear();
  app.sandboxEnabled = false;
  app.isPackaged = false;
  app.pathOverrides = {};
  protocol.handlers.clear();
  protocol.privilegedSchemes = [];
  session.defaultSession = new FakeSession();
  ipcMain.handlers.clear();
  shell.openedExternally.length = 0;
  exposedInMainWorld.clear();
  ipcRenderer.sender = new FakeWebContents();
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
}

export default { app, BrowserWindow, protocol, session, ipcMain, shell, contextBridge, ipcRenderer, Menu, safeStorage };
