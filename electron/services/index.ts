// The main-process services behind the API, shared by Electron (IPC) and `npm run web` (loopback HTTP).

import { promises as fs } from 'node:fs';
import type { AppInfo, ApiHandlers } from '../../core/api/contract';
import { createProfilesService } from './profiles';
import { createSessionsService, type RecordingPorts } from './sessions';
import { createSettingsService } from './settings';
import { systemRuntime, type Clock, type IdSource } from './runtime';

export interface ServicesConfig {
  dataDir: string;
  appInfo: AppInfo;
  recordingPorts: RecordingPorts;
  runtime?: Clock & IdSource;
}

export async function createServiceHandlers(config: ServicesConfig): Promise<ApiHandlers> {
  const runtime = config.runtime ?? systemRuntime;
  await fs.mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  const profiles = createProfilesService(config.dataDir, runtime);
  const settings = createSettingsService(config.dataDir);
  const sessions = createSessionsService(config.dataDir, config.recordingPorts, runtime);
  return {
    'app.info': () => config.appInfo,
    'profiles.list': () => profiles.list(),
    'profiles.create': (args) => profiles.create(args),
    'profiles.select': ({ id }) => profiles.select(id),
    'profiles.current': () => profiles.current(),
    'settings.get': () => settings.get(),
    'settings.update': (changes) => settings.update(changes),
    'sessions.save': ({ recording }) => sessions.save(recording),
    'sessions.list': () => sessions.list(),
    'sessions.open': ({ id }) => sessions.open(id),
    'sessions.score': ({ recording }) => sessions.score(recording),
  };
}

export { unavailableRecordingPorts, type RecordingPorts } from './sessions';
