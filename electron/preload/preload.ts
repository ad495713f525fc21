// The preload: exposes exactly the contract's calls as `window.api` and nothing else (no ipcRenderer,
// no Node). Bundled to one CommonJS file; runs sandboxed with context isolation.

import { contextBridge, ipcRenderer } from 'electron';
import { apiChannel, buildApiObject } from '../../core/api/call-names';

const api = buildApiObject<Record<string, Record<string, (args?: unknown) => Promise<unknown>>>>((name, args) =>
  ipcRenderer.invoke(apiChannel(name), args),
);

contextBridge.exposeInMainWorld('api', api);
