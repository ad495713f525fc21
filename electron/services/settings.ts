// Station settings (the UI language) and the institution (name, whether trainees use PINs), as rows of
// the settings table.

import { DEFAULT_SETTINGS, type AppSettings, type Institution, type SignedIn } from '../../core/api/contract';
import type { AuditTrail } from './audit';
import type { TrainingStore } from './db/store';

export interface SettingsService {
  get(): AppSettings;
  update(changes: Partial<AppSettings>): AppSettings;
  institution(): Institution;
  updateInstitution(caller: SignedIn | null, changes: Partial<Institution>): Institution;
}

export function createSettingsService(store: TrainingStore, audit: AuditTrail): SettingsService {
  const read = <T>(key: string, fallback: T): T => {
    const row = store.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', key);
    return row ? (JSON.parse(row.value) as T) : fallback;
  };
  const write = (key: string, value: unknown) =>
    store.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', key, JSON.stringify(value));
  const institution = (): Institution => ({ name: read('institution.name', ''), traineePinRequired: read('institution.traineePinRequired', false) });
  return {
    get: () => ({ language: read('language', DEFAULT_SETTINGS.language) }),
    update(changes) {
      store.write(() => {
        if (changes.language !== undefined) write('language', changes.language);
      });
      return { language: read('language', DEFAULT_SETTINGS.language) };
    },
    institution,
    updateInstitution(caller, changes) {
      return store.write(() => {
        const before = institution();
        if (changes.name !== undefined) write('institution.name', changes.name);
        if (changes.traineePinRequired !== undefined) write('institution.traineePinRequired', changes.traineePinRequired);
        const after = institution();
        if (JSON.stringify(before) !== JSON.stringify(after)) audit.append({ action: 'institution.updated', actor: caller, details: { before, after } });
        return after;
      });
    },
  };
}
