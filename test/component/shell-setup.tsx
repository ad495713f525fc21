// Renders the real shell against the real services (in a temp data dir) through the real dispatcher,
// so component tests exercise the same validation and storage as the app.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { render, screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import { buildApiObject } from '../../core/api/call-names';
import type { MicroneedleApi } from '../../core/api/contract';
import { createDispatcher } from '../../core/api/dispatch';
import { createServiceHandlers, unavailableRecordingPorts, type RecordingPorts } from '../../electron/services';
import { App } from '../../renderer/app/App';
import { createAppStore } from '../../renderer/app/store';
import { initI18n } from '../../renderer/i18n';

export interface ShellOptions {
  /** OS locale reported by app.info (the desktop shell's 'system' language follows it). */
  locale?: string;
  dataDir?: string;
  ports?: RecordingPorts;
}

export async function makeApi(options: ShellOptions = {}) {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'microneedle-shell-'));
  const handlers = await createServiceHandlers({
    dataDir,
    recordingPorts: options.ports ?? unavailableRecordingPorts,
    appInfo: { productName: { zh: '微针操作实训考核系统', en: 'Microneedling Trainer' }, version: '0.1.0', shell: 'desktop', platform: 'linux', locale: options.locale ?? 'zh-CN', dataDir },
  });
  const dispatch = createDispatcher(handlers);
  const api = buildApiObject<MicroneedleApi>((name, args) => dispatch(name, args));
  return { api, dataDir, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
}

export async function renderShell(options: ShellOptions = {}) {
  const made = await makeApi(options);
  await initI18n('zh');
  const store = createAppStore(made.api);
  const view = render(<App store={store} />);
  await waitFor(() => expect(store.getState().booted).toBe(true));
  return { ...made, store, view, screen };
}

export const NURSE = { name: '王芳', role: 'nurse' as const, certificateNumber: 'N-2024-0001', isInstructor: false };
export const INSTRUCTOR = { name: 'Dr. Li', role: 'physician' as const, certificateNumber: 'P-1100-22', isInstructor: true };
