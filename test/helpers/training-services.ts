// Services on an in-memory training database, for unit tests: the real dispatcher and access checks,
// a fast password hasher (OWASP cost is asserted in its own test), and scoring on the stand-in surface.

import type { KeyProtector } from '../../electron/services/certification/keys';
import type { ExamCatalog } from '../../core/exams/catalog';
import { buildApiObject } from '../../core/api/call-names';
import type { MicroneedleApi } from '../../core/api/contract';
import type { ApiDispatcher } from '../../core/api/dispatch';
import { createStandInSurface } from '../../core/surface/stand-in';
import { createServices, memoryStorage, scoringPortsOn, type AppServices, type ScoringPorts, type Storage } from '../../electron/services';
import { createScryptHasher } from '../../electron/services/passwords';

export const FAST_HASHER = createScryptHasher({ N: 2 ** 10, r: 8, p: 1 });
export const TEST_APP_INFO = { productName: { zh: '微针操作实训考核系统', en: 'Microneedling Trainer' }, version: '0.1.0', shell: 'web' as const, platform: 'linux', locale: 'zh-CN', dataDir: ':memory:' };

export function testClock(start = Date.UTC(2026, 10, 1, 8, 0, 0)) {
  let t = start;
  let n = 0;
  return {
    now: () => new Date(t),
    newId: (prefix: string) => `${prefix}-${(n++).toString(36).padStart(4, '0')}`,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

let standInPorts: ScoringPorts | null = null;
export function standInScoring(): ScoringPorts {
  standInPorts ??= scoringPortsOn(createStandInSurface(), 'stand-in-surface-for-tests');
  return standInPorts;
}

export interface TestServices {
  services: AppServices;
  dispatch: ApiDispatcher;
  /** The API as one client (window) sees it. */
  client(clientKey: string): MicroneedleApi;
  clock: ReturnType<typeof testClock>;
}

export async function makeTestServices(options: { storage?: Storage; scoring?: ScoringPorts; legacyDataDir?: string; exams?: ExamCatalog; idPrefix?: string; osKeyProtector?: KeyProtector | null } = {}): Promise<TestServices> {
  const base = testClock();
  // Two services on one data folder need distinct ids.
  const clock = options.idPrefix ? { ...base, newId: (prefix: string) => base.newId(`${options.idPrefix}${prefix}`) } : base;
  const services = await createServices({
    storage: options.storage ?? memoryStorage(clock.now),
    appInfo: TEST_APP_INFO,
    scoring: options.scoring ?? standInScoring(),
    runtime: clock,
    hasher: FAST_HASHER,
    ...(options.legacyDataDir ? { legacyDataDir: options.legacyDataDir } : {}),
    ...(options.exams ? { exams: options.exams } : {}),
    ...(options.osKeyProtector ? { osKeyProtector: options.osKeyProtector } : {}),
  });
  return {
    services,
    dispatch: services.dispatch,
    clock,
    client: (clientKey) => buildApiObject<MicroneedleApi>((name, args) => services.dispatch(name, args, { clientKey })),
  };
}

export const ADMIN = { name: '陈主任', username: 'admin', password: 'correct horse battery' };
export const NURSE = { accountRole: 'trainee' as const, name: '王芳', profession: 'nurse' as const, certificateNumber: 'N-2024-0001', certificateKind: 'nurse-qualification' as const };
export const TECHNICIAN = { accountRole: 'trainee' as const, name: '李明', profession: 'technician' as const, certificateNumber: 'T-2023-0042', certificateKind: 'technician-qualification' as const };
export const INSTRUCTOR = { accountRole: 'instructor' as const, name: '张医生', profession: 'physician' as const, certificateNumber: 'P-1100-22', certificateKind: 'physician-qualification' as const, username: 'zhang', password: 'instructor pass 1' };

/** An institution with its administrator, an instructor and two trainees; each signed in on its own window. */
export async function seededInstitution(options: Parameters<typeof makeTestServices>[0] = {}) {
  const t = await makeTestServices(options);
  const admin = t.client('window:admin');
  const ok = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
    if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
    return r.value;
  };
  ok(await admin.auth.setup({ institutionName: '华东微针培训中心', admin: ADMIN }));
  const instructorPerson = ok(await admin.people.create(INSTRUCTOR));
  const nurse = ok(await admin.people.create(NURSE));
  const technician = ok(await admin.people.create(TECHNICIAN));
  const instructor = t.client('window:instructor');
  ok(await instructor.auth.signInStaff({ username: INSTRUCTOR.username, password: INSTRUCTOR.password }));
  const trainee = t.client('window:nurse');
  ok(await trainee.auth.signInTrainee({ personId: nurse.id }));
  const trainee2 = t.client('window:technician');
  ok(await trainee2.auth.signInTrainee({ personId: technician.id }));
  return { ...t, ok, admin, instructor, trainee, trainee2, people: { instructor: instructorPerson, nurse, technician } };
}
