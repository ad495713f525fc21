// Trainee profiles on this station, stored in <dataDir>/profiles.json.

import path from 'node:path';
import { z } from 'zod';
import { newProfileSchema, profileSchema, recordIdSchema, type Profile } from '../../core/api/contract';
import { ApiFailure } from '../../core/api/errors';
import { JsonDocument } from './json-file';
import type { Clock, IdSource } from './runtime';

export const PROFILES_FILE = 'profiles.json';

const profilesFileSchema = z.strictObject({
  format: z.literal('microneedle-profiles'),
  version: z.literal(1),
  profiles: z.array(profileSchema),
  currentProfileId: recordIdSchema.nullable(),
});
type ProfilesFile = z.infer<typeof profilesFileSchema>;

export interface ProfilesService {
  list(): Promise<Profile[]>;
  create(input: z.output<typeof newProfileSchema>): Promise<Profile>;
  select(id: string): Promise<Profile>;
  current(): Promise<Profile | null>;
}

export function createProfilesService(dataDir: string, runtime: Clock & IdSource): ProfilesService {
  const doc = new JsonDocument(path.join(dataDir, PROFILES_FILE), profilesFileSchema, (): ProfilesFile => ({
    format: 'microneedle-profiles',
    version: 1,
    profiles: [],
    currentProfileId: null,
  }));

  return {
    async list() {
      return (await doc.read()).profiles;
    },
    create(input) {
      return doc.update((current) => {
        const certificate = input.certificateNumber.toUpperCase();
        if (current.profiles.some((p) => p.certificateNumber.toUpperCase() === certificate)) {
          throw new ApiFailure('conflict', `a profile with certificate number ${input.certificateNumber} already exists`, '/certificateNumber');
        }
        const profile: Profile = { id: runtime.newId('p'), ...input, createdAt: runtime.now().toISOString() };
        return { next: { ...current, profiles: [...current.profiles, profile], currentProfileId: profile.id }, result: profile };
      });
    },
    select(id) {
      return doc.update((current) => {
        const profile = current.profiles.find((p) => p.id === id);
        if (!profile) throw new ApiFailure('not-found', `no profile with id ${id}`, '/id');
        return { next: { ...current, currentProfileId: id }, result: profile };
      });
    },
    async current() {
      const file = await doc.read();
      return file.profiles.find((p) => p.id === file.currentProfileId) ?? null;
    },
  };
}
