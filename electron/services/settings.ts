// Station settings (language, institution name), stored in <dataDir>/settings.json.

import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_SETTINGS, settingsSchema, type AppSettings } from '../../core/api/contract';
import { JsonDocument } from './json-file';

export const SETTINGS_FILE = 'settings.json';

const settingsFileSchema = z.strictObject({
  format: z.literal('microneedle-settings'),
  version: z.literal(1),
  settings: settingsSchema,
});

export interface SettingsService {
  get(): Promise<AppSettings>;
  update(changes: Partial<AppSettings>): Promise<AppSettings>;
}

export function createSettingsService(dataDir: string): SettingsService {
  const doc = new JsonDocument(path.join(dataDir, SETTINGS_FILE), settingsFileSchema, () => ({
    format: 'microneedle-settings' as const,
    version: 1 as const,
    settings: { ...DEFAULT_SETTINGS },
  }));
  return {
    async get() {
      return (await doc.read()).settings;
    },
    update(changes) {
      return doc.update((current) => {
        const settings = { ...current.settings, ...changes };
        return { next: { ...current, settings }, result: settings };
      });
    },
  };
}
