// Fuzz: for every call of the contract, at least FUZZ_PER_CALL malformed payloads through the real
// dispatcher, as a caller the access table lets through (an administrator, or an instructor for the studio's
// calls), so that validation is what answers. Payloads are valid ones with one thing broken: a field of the
// wrong type, a missing or extra field, 1 MB strings, 100k-item arrays, NaN and ±Infinity, nesting 10,000
// deep, null, arrays or scalars for objects, values only IPC's structured clone carries (BigInt, Map, Date,
// typed arrays), and prototype-pollution keys. Each must answer { ok: false } with a typed code that names
// the field, never throw, never 'internal', and change nothing stored.

import { describe, expect, it } from 'vitest';
import { CALL_ACCESS, mayCall } from '../../../core/api/access';
import { API_CALL_NAMES, type ApiCallName } from '../../../core/api/call-names';
import { apiContract } from '../../../core/api/contract';
import { API_ERROR_CODES, jsonPointer, type ApiResult } from '../../../core/api/errors';
import { seededInstitution, standInScoring } from '../../helpers/training-services';
import { fixture, ok, sessionBatches, snapshotTables } from './helpers';
import { mulberry32, type Prng } from './prng';

const PER_CALL = Number(process.env.FUZZ_PER_CALL ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? 7);

type Key = string | number;
type Path = Key[];
type Kind = 'wrong-type' | 'missing' | 'extra' | 'huge-string' | 'huge-array' | 'deep' | 'non-finite' | 'pollution' | 'root' | 'structured-clone';
interface Mutant {
  payload: unknown;
  kind: Kind;
  /** Where the mutation is; for 'extra' and 'pollution' the object that got the key. */
  path: Path;
  key?: string;
}

// Shared big values, built once.
const HUGE_STRING = 'x'.repeat(1 << 20);
const HUGE_NUMBERS = new Array<number>(100_000).fill(7);
const HUGE_OBJECTS = Array.from({ length: 100_000 }, () => ({}));
const HUGE_STRINGS = new Array<string>(100_000).fill('forehead');
let DEEP_OBJECT: unknown = {};
let DEEP_ARRAY: unknown = [];
for (let i = 0; i < 10_000; i++) {
  DEEP_OBJECT = { a: DEEP_OBJECT };
  DEEP_ARRAY = [DEEP_ARRAY];
}
const POLLUTERS = [
  () => JSON.parse('{"__proto__": {"polluted": "yes"}}') as object,
  () => ({ constructor: { prototype: { polluted: 'yes' } } }),
  () => ({ prototype: { polluted: 'yes' } }),
  () => JSON.parse('{"__proto__": null}') as object,
  () => ({ toString: 'not a function', valueOf: 1, hasOwnProperty: null }),
];
const SCALARS: unknown[] = [0, -1, 1.5, 2 ** 53 + 1, 1e308, -0, '', ' ', 'x', '0', 'true', true, false, null, undefined, [], {}, [null], [1, 2, 3], { x: 1 }];
const STRUCTURED: (() => unknown)[] = [
  () => 10n,
  () => -(2n ** 70n),
  () => new Date('2026-01-01T00:00:00Z'),
  () => new Date(NaN),
  () => new Map([['a', 1]]),
  () => new Set([1]),
  () => /regex/g,
  () => new Uint8Array([1, 2, 3]),
  () => new ArrayBuffer(8),
  () => new Error('an error object'),
  // eslint-disable-next-line no-sparse-arrays
  () => [1, , 3],
  () => Object.create(null) as object,
];

const describeValue = (v: unknown) =>
  typeof v === 'string' ? `a string of ${v.length}` : Array.isArray(v) ? `an array of ${v.length}` : typeof v === 'object' && v !== null ? `an object (${Object.keys(v).slice(0, 3).join(', ')})` : String(v);

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

function get(root: unknown, path: Path): unknown {
  let v = root;
  for (const k of path) v = (v as Record<Key, unknown>)[k];
  return v;
}

/** A copy of `root` with `edit` applied to the container at `path` (only the containers on the path are copied). */
function editAt(root: unknown, path: Path, edit: (container: Record<Key, unknown>, key: Key) => void): unknown {
  if (path.length === 0) throw new Error('no container for the root');
  const copy = (v: unknown) => (Array.isArray(v) ? [...v] : { ...(v as object) });
  const top = copy(root) as Record<Key, unknown>;
  let node = top;
  for (let i = 0; i < path.length - 1; i++) {
    const next = copy(node[path[i]]) as Record<Key, unknown>;
    node[path[i]] = next;
    node = next;
  }
  edit(node, path[path.length - 1]);
  return top;
}
const setAt = (root: unknown, path: Path, value: unknown) => (path.length === 0 ? value : editAt(root, path, (c, k) => (c[k] = value)));
/** Adds an own property, even one named __proto__. */
function addKey(root: unknown, objectPath: Path, key: string, value: unknown): unknown {
  const define = (o: object) => Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  if (objectPath.length === 0) return define({ ...(root as object) });
  return editAt(root, objectPath, (c, k) => (c[k] = define({ ...(c[k] as object) })));
}

/**
 * A random place in the payload: walks down from the root, stopping at each level with some chance. `start`
 * begins the walk below the root (the import's recording, whose own fields are where its validator starts).
 */
function pickPath(rng: Prng, root: unknown, start: Path = []): Path {
  const path: Path = [...start];
  let node = get(root, start);
  if (start.length > 0 && isPlainObject(node)) {
    // One of its fields at least, so its top-level fields (format, version, ...) are hit often.
    const key = rng.pick(Object.keys(node));
    path.push(key);
    node = node[key];
  }
  for (;;) {
    const keys: Key[] = Array.isArray(node) ? node.map((_, i) => i) : isPlainObject(node) ? Object.keys(node) : [];
    if (keys.length === 0 || (path.length > 0 && rng.chance(0.35))) return path;
    const key = Array.isArray(node) && node.length > 4 && rng.chance(0.5) ? rng.int(0, Math.min(3, node.length - 1)) : rng.pick(keys);
    path.push(key);
    node = (node as Record<Key, unknown>)[key];
  }
}

function otherTypeValue(rng: Prng, current: unknown): unknown {
  for (;;) {
    const v = rng.pick(SCALARS);
    if (typeof v !== typeof current || Array.isArray(v) !== Array.isArray(current) || (v === null) !== (current === null)) return v;
  }
}

function mutate(rng: Prng, base: unknown, start: Path = []): Mutant {
  const roll = rng.next();
  const path = pickPath(rng, base, start);
  const here = get(base, path);
  const objectPath = isPlainObject(here) ? path : path.slice(0, -1);
  if (roll < 0.3) return { kind: 'wrong-type', path, payload: setAt(base, path, otherTypeValue(rng, here)) };
  if (roll < 0.4) {
    const parent = get(base, path.slice(0, -1));
    if (path.length > 0 && isPlainObject(parent)) return { kind: 'missing', path, payload: editAt(base, path, (c, k) => delete c[k]) };
    return { kind: 'root', path: [], payload: rng.pick([null, undefined, [], [base], 'payload', 42, true]) };
  }
  if (roll < 0.52) {
    const key = rng.pick(['extra', 'id2', 'isAdmin', 'accountRole2', 'personId', 'trainee', 'score', '', ' ', 'x'.repeat(300)]);
    const target = get(base, objectPath);
    if (isPlainObject(target) && !(key in target)) return { kind: 'extra', path: objectPath, key, payload: addKey(base, objectPath, key, otherTypeValue(rng, undefined)) };
    return { kind: 'wrong-type', path, payload: setAt(base, path, otherTypeValue(rng, here)) };
  }
  if (roll < 0.57) return { kind: 'huge-string', path, payload: setAt(base, path, HUGE_STRING) };
  if (roll < 0.6) return { kind: 'huge-array', path, payload: setAt(base, path, rng.pick([HUGE_NUMBERS, HUGE_OBJECTS, HUGE_STRINGS])) };
  if (roll < 0.63) return { kind: 'deep', path, payload: setAt(base, path, rng.chance(0.5) ? DEEP_OBJECT : DEEP_ARRAY) };
  if (roll < 0.73) return { kind: 'non-finite', path, payload: setAt(base, path, rng.pick([NaN, Infinity, -Infinity])) };
  if (roll < 0.82) {
    const polluter = rng.pick(POLLUTERS)();
    const target = get(base, objectPath);
    if (!isPlainObject(target)) return { kind: 'root', path: [], payload: polluter };
    const key = Object.keys(polluter)[0];
    if (key in target) return { kind: 'wrong-type', path, payload: setAt(base, path, polluter) };
    let payload = addKey(base, objectPath, key, (polluter as Record<string, unknown>)[key]);
    for (const more of Object.keys(polluter).slice(1)) payload = addKey(payload, objectPath, more, (polluter as Record<string, unknown>)[more]);
    return { kind: 'pollution', path: objectPath, key, payload };
  }
  if (roll < 0.87) return { kind: 'root', path: [], payload: rng.pick([null, undefined, [], [base], 'payload', 42, true, new Array(3)]) };
  return { kind: 'structured-clone', path, payload: setAt(base, path, rng.pick(STRUCTURED)()) };
}

/**
 * Whether the contract must refuse this mutant whatever its schemas say, so that loosening a schema (a field
 * that takes any type, an object that takes extra keys, a string without a length limit) fails here instead
 * of being trusted: no argument field takes two JS types, a non-finite number, a 1 MB string, 100k items or
 * unknown keys. Left to the schema: removing a field (it may be optional) and null or undefined (nullable).
 */
function mustRefuse(m: Mutant, replaced: unknown, original: unknown): boolean {
  if (m.kind === 'missing') return false;
  if (m.kind === 'wrong-type' || m.kind === 'root') return replaced !== null && replaced !== undefined;
  if (m.kind === 'structured-clone') {
    // zod reads an object without own keys (a Date, Map, Set, RegExp, Error, ArrayBuffer) as {}: where an
    // object is expected, whether {} will do is the schema's to say.
    const keyless = typeof replaced === 'object' && replaced !== null && !Array.isArray(replaced) && !ArrayBuffer.isView(replaced) && Object.keys(replaced).length === 0;
    return !(keyless && isPlainObject(original));
  }
  return true;
}

/** Every place in the payload (of a long array, the array and its first item only). */
function allPaths(root: unknown, path: Path = []): Path[] {
  const out: Path[] = [path];
  if (Array.isArray(root)) {
    const items = root.length <= 10 ? root.length : 1;
    for (let i = 0; i < items; i++) out.push(...allPaths(root[i], [...path, i]));
  } else if (isPlainObject(root)) {
    for (const key of Object.keys(root)) out.push(...allPaths(root[key], [...path, key]));
  }
  return out;
}

/** The systematic pass: each kind of damage once at every place, before the random ones. */
function systematic(base: unknown, within: Path = []): Mutant[] {
  const out: Mutant[] = [];
  for (const path of allPaths(get(base, within), within)) {
    const here = get(base, path);
    const parent = path.length > 0 ? get(base, path.slice(0, -1)) : undefined;
    for (const value of ['a string', 12345, true, [1], { x: 1 }, null]) {
      if (typeof value !== typeof here || Array.isArray(value) !== Array.isArray(here) || (value === null) !== (here === null)) out.push({ kind: 'wrong-type', path, payload: setAt(base, path, value) });
    }
    if (path.length > 0 && isPlainObject(parent)) out.push({ kind: 'missing', path, payload: editAt(base, path, (c, k) => delete c[k]) });
    if (isPlainObject(here)) {
      out.push({ kind: 'extra', path, key: 'extra', payload: addKey(base, path, 'extra', 1) });
      out.push({ kind: 'pollution', path, key: '__proto__', payload: addKey(base, path, '__proto__', { polluted: 'yes' }) });
      out.push({ kind: 'pollution', path, key: 'constructor', payload: addKey(base, path, 'constructor', { prototype: { polluted: 'yes' } }) });
    }
    out.push({ kind: 'huge-string', path, payload: setAt(base, path, HUGE_STRING) });
    for (const big of [HUGE_NUMBERS, HUGE_OBJECTS, HUGE_STRINGS]) out.push({ kind: 'huge-array', path, payload: setAt(base, path, big) });
    for (const deep of [DEEP_OBJECT, DEEP_ARRAY]) out.push({ kind: 'deep', path, payload: setAt(base, path, deep) });
    for (const n of [NaN, Infinity, -Infinity]) out.push({ kind: 'non-finite', path, payload: setAt(base, path, n) });
    for (const v of [10n, new Date(0), new Map([['a', 1]])]) out.push({ kind: 'structured-clone', path, payload: setAt(base, path, v) });
  }
  return out;
}

function startsAt(pointer: string, path: Path): boolean {
  const at = jsonPointer(path);
  return pointer === at || pointer.startsWith(at + '/');
}

describe('malformed payloads through the dispatcher', () => {
  it(`every call answers ${PER_CALL}+ malformed payloads with a typed error and stores nothing`, async () => {
    const t0 = Date.now();
    const s = await seededInstitution();
    const store = s.services.live()!.store;
    const scoring = standInScoring();

    // The ids the valid payloads name.
    const running = ok(await s.instructor.sessions.start({ presetId: 'roller-forehead-pink', mode: 'learn' }));
    const [batch0] = sessionBatches(running.initialSettings, 1, 20);
    ok(await s.instructor.sessions.append({ attemptId: running.attemptId, seq: 0, events: batch0 }));
    const [next] = sessionBatches(running.initialSettings, 2, 20).slice(1);
    const finished = ok(await s.trainee.sessions.start({ presetId: 'roller-forehead-pink', mode: 'test' }));
    ok(await s.trainee.sessions.append({ attemptId: finished.attemptId, seq: 0, events: batch0 }));
    ok(await s.trainee.sessions.finish({ attemptId: finished.attemptId, batches: 1, endTMs: 1000, zones: [] }));
    const recording = fixture('roller-nasolabial-short-needle');
    const exam = ok(await s.trainee.exams.start({ moduleId: 'roller-nurse', certificateNumber: s.people.nurse.certificateNumber! }));
    const draft = ok(await s.instructor.authoring.saveDraft({ kind: 'question', document: { id: 'q-fuzz', version: 1, type: 'true-false', clauses: ['8.5.1'], difficulty: 1, stem: { zh: '题', en: 'Q' }, explanation: { zh: '解', en: 'E' }, key: true } }));
    const ids = { nurse: s.people.nurse.id, tech: s.people.technician.id, instructor: s.people.instructor.id };

    // One valid payload per call, with every optional field present so each can be broken.
    const base: Record<ApiCallName, unknown> = {
      'app.info': {},
      'settings.get': {},
      'settings.update': { language: 'zh' },
      'storage.status': {},
      'storage.restore': { file: 'training-2026-01-01T00-00-00-000Z-manual.sqlite' },
      'auth.status': {},
      'auth.setup': { institutionName: '中心', admin: { name: '管理员', username: 'admin2', password: 'long enough password' } },
      'auth.chooser': {},
      'auth.signInTrainee': { personId: ids.nurse, pin: '1234' },
      'auth.signInStaff': { username: 'zhang', password: 'instructor pass 1' },
      'auth.signOut': {},
      'auth.changePassword': { currentPassword: 'correct horse battery', newPassword: 'another long password' },
      'institution.get': {},
      'institution.update': { name: '新名字', traineePinRequired: true },
      'people.list': { accountRole: 'trainee', includeInactive: true },
      'people.get': { id: ids.nurse },
      'people.create': { accountRole: 'trainee', name: '新学员', profession: 'nurse', certificateNumber: 'N-FUZZ-0001', certificateKind: 'nurse-qualification', pin: '1234' },
      'people.update': { id: ids.tech, name: '改名', profession: 'technician', certificateNumber: 'T-FUZZ-0002', certificateKind: 'technician-qualification' },
      'people.setActive': { id: ids.tech, active: false },
      'people.setRole': { id: ids.tech, accountRole: 'instructor', username: 'newstaff', password: 'long enough password' },
      'people.resetPassword': { id: ids.instructor, password: 'long enough password' },
      'people.setPin': { id: ids.nurse, pin: '4321' },
      'sessions.start': { presetId: 'roller-forehead-pink', mode: 'test' },
      'sessions.append': {
        attemptId: running.attemptId,
        seq: 1,
        // One event of every kind, so each event schema is broken somewhere.
        events: [
          ...next.slice(0, 3),
          { kind: 'step', step: { step: 'treat-start', tMs: 400, zoneId: 'zone-1', durationMs: 10 } },
          { kind: 'settings', change: { tMs: 410, settings: running.initialSettings } },
          { kind: 'pulse', pulse: { tMs: 420, p: [0, 60, 90], n: [0, 0, 1], axis: [0, 0, -1], region: 'forehead', zoneId: 'zone-1', depthMm: 2, powerW: 20, pulseWidthMs: 100, tipSizeMm: 10, suction: true, bipolar: true, tipId: 'tip-1' } },
          { kind: 'contact', contact: { tStartMs: 430, tEndMs: 460, p: [0, 60, 90], n: [0, 0, 1], region: 'forehead', technique: 'sliding', needleHeightUm: 500, path: [{ tMs: 440, p: [1, 60, 90] }] } },
        ],
        zones: [{ id: 'zone-1', regions: ['forehead'] }],
      },
      'sessions.finish': { attemptId: running.attemptId, batches: 1, endTMs: 5000, zones: [{ id: 'zone-1', regions: ['forehead'] }] },
      'sessions.abandon': { attemptId: running.attemptId },
      'sessions.import': { recording, fileName: 'fuzz.json' },
      'sessions.list': { personId: ids.nurse, procedure: 'roller', kind: 'test', status: 'finished', result: 'failed', from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z', sort: 'score', order: 'asc', offset: 0, limit: 10 },
      'sessions.open': { id: finished.attemptId },
      'exams.catalog': {},
      'exams.module': { moduleId: 'roller-nurse', version: 1 },
      'exams.start': { moduleId: 'nano', certificateNumber: s.people.nurse.certificateNumber },
      'exams.open': { id: exam.id },
      'exams.step': { examAttemptId: exam.id, step: { kind: 'decide', partId: 'case', decision: { kind: 'limit', excludeRegions: ['lips'], needleLimits: [{ region: 'nose', maxNeedleMm: 0.25 }], pretreatments: ['antiviral-prophylaxis'] } } },
      'exams.startPractical': { examAttemptId: exam.id, partId: 'practical' },
      'exams.submit': { examAttemptId: exam.id },
      'exams.list': { personId: ids.nurse, moduleId: 'roller-nurse', offset: 0, limit: 10 },
      'exams.release': { examAttemptId: exam.id },
      'exams.tracks': { personId: ids.nurse },
      'authoring.list': { kind: 'question', includeArchived: true },
      'authoring.get': { kind: 'question', id: 'q8-eyelid-needle-length', version: 1 },
      'authoring.drafts': { kind: 'question' },
      'authoring.saveDraft': { draftId: draft.draftId, kind: 'question', targetId: 'q8-eyelid-needle-length', baseVersion: 1, document: { id: 'q-fuzz', version: 1 } },
      'authoring.openDraft': { draftId: draft.draftId },
      'authoring.discardDraft': { draftId: draft.draftId },
      'authoring.publish': { draftId: draft.draftId },
      'authoring.archive': { kind: 'question', id: 'q8-eyelid-needle-length', archived: false },
      'authoring.preview': { draftId: draft.draftId, moduleId: 'roller-nurse' },
      'authoring.analysis': { moduleId: 'roller-nurse' },
      'authoring.regradeCandidates': { questionId: 'q8-eyelid-needle-length' },
      'authoring.regrade': { questionId: 'q8-eyelid-needle-length', reason: 'the key was wrong', examAttemptIds: [exam.id] },
      'authoring.uploadMedia': { mediaType: 'image/png', base64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==' },
      'media.get': { sha256: 'a'.repeat(64) },
      'packs.export': { format: 'qti', moduleIds: ['roller-nurse'], questionIds: ['q8-eyelid-needle-length'] },
      'packs.import': { format: 'moodle', fileName: 'bank.xml', base64: 'PHF1aXovPg==', apply: false },
      'certificates.setupKey': { passphrase: 'a long admin passphrase' },
      'certificates.unlock': { passphrase: 'a long admin passphrase' },
      'certificates.rotateKey': { passphrase: 'a long admin passphrase', newPassphrase: 'the next long passphrase' },
      'certificates.issue': { personId: ids.nurse },
      'certificates.list': { personId: ids.nurse },
      'certificates.revoke': { number: 'MN-2026-000001', reason: 'issued in error' },
      'certificates.renewals': { withinDays: 90 },
      'certificates.verify': { signed: '{}' },
      'certificates.publicKeys': {},
      'certificates.badge': { number: 'MN-2026-000001' },
      'certificates.pdf': { number: 'MN-2026-000001' },
      'people.filePdf': { personId: ids.nurse, lang: 'en' },
      'certificates.verifyFile': { fileName: 'record.json', base64: 'e30=' },
      'certificates.keyStatus': {},
      'records.exportStart': { format: 'csv', filter: { from: '2026-01-01', to: '2026-12-31', role: 'nurse', result: 'pass' }, lang: 'zh' },
      'records.exportProgress': { jobId: 'export-none' },
      'records.exportFetch': { jobId: 'export-none' },
      'cohort.stats': { from: '2026-10-01', to: '2026-11-01', profession: 'nurse' },
      'records.recurringFindings': { personId: ids.nurse },
      'lrs.status': {},
      'lrs.configure': { endpoint: 'http://127.0.0.1:9/xapi/', username: 'lrs-key', password: 'lrs secret', passphrase: 'a long admin passphrase' },
      'lrs.unlock': { passphrase: 'a long admin passphrase' },
      'lrs.pushNow': {},
      'experts.mark': { attemptId: finished.attemptId },
      'experts.unmark': { attemptId: finished.attemptId, reason: 'marked by mistake' },
      'experts.benchmark': { presetId: 'roller-forehead-pink' },
      'experts.list': { presetId: 'roller-forehead-pink' },
      'audit.list': { action: 'person.created', order: 'asc', offset: 0, limit: 5 },
      'audit.verify': {},
      'backups.list': {},
      'backups.create': {},
    };

    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const failures: string[] = [];
    const counts: Record<string, number> = {};
    const ms: Record<string, number> = {};
    const byKind: Record<string, number> = {};
    let sent = 0;
    let validSkipped = 0;
    let acceptedByValidator = 0;
    let zodOverflows = 0;
    const changes = () => store.get<{ n: number }>('SELECT total_changes() AS n')!.n;

    for (const name of API_CALL_NAMES) {
      // An administrator where the table allows it, else an instructor (the studio's calls), else the nurse (exams).
      const role = (['admin', 'instructor', 'trainee'] as const).find((r) => mayCall(CALL_ACCESS[name], r))!;
      const clientKey = role === 'trainee' ? 'window:nurse' : `window:${role}`;
      const schema = apiContract[name].args;
      expect(schema.safeParse(base[name]).success, `the base payload of ${name} must be valid`).toBe(true);
      const rng = mulberry32(SEED * 1000 + API_CALL_NAMES.indexOf(name));
      const before = snapshotTables(store);
      const callStarted = Date.now();
      let n = 0;
      // The recording of an import is walked with its own first items only (it has hundreds of samples).
      const planned =
        name === 'sessions.import'
          ? [...systematic(base[name]).filter((m) => m.path[0] !== 'recording' || m.path.length === 1), ...systematic(base[name], ['recording'])]
          : systematic(base[name]);
      for (let tries = 0; n < Math.max(PER_CALL, planned.length) && tries < PER_CALL * 20; tries++) {
        // Half of an import's random payloads are broken inside the recording.
        const m = tries < planned.length ? planned[tries] : mutate(rng, base[name], name === 'sessions.import' && rng.chance(0.5) ? ['recording'] : []);
        // zod itself may overflow on some payloads (100k bad items inside a union): not valid, and the
        // dispatcher must still answer.
        let parsed: { success: boolean; data?: unknown };
        let zodThrew = false;
        try {
          parsed = schema.safeParse(m.payload ?? {});
        } catch {
          parsed = { success: false };
          zodThrew = true;
          zodOverflows++;
        }
        const inRecording = name === 'sessions.import' && m.path[0] === 'recording';
        // A draft's document is saved as typed, valid or not (its problems come back at their fields), so
        // the contract only bounds its size; what the catalogue refuses is tested in test/unit/exams.
        const inDraft = name === 'authoring.saveDraft' && m.path[0] === 'document';
        // An imported file's bytes are the file (up to 32 MB; a file to verify up to 20 MB): the importers and verifyFile check them and report.
        const inFile = (name === 'packs.import' || name === 'authoring.uploadMedia' || name === 'certificates.verifyFile') && m.path[0] === 'base64';
        if (parsed.success && (inDraft || inFile)) {
          validSkipped++;
          continue;
        }
        if (parsed.success && !inRecording && mustRefuse(m, get(m.payload, m.path), get(base[name], m.path))) {
          failures.push(`${name} ${m.kind} at ${jsonPointer(m.path) || '/'}: the schema accepts ${describeValue(get(m.payload, m.path))}`);
          continue;
        }
        if (parsed.success) {
          // Schema-valid: only the recording of an import is checked further (by core/recording in main).
          if (!inRecording) {
            validSkipped++;
            continue;
          }
          try {
            scoring.validateRecording((parsed.data as { recording: unknown }).recording, 'fuzz');
            acceptedByValidator++; // a valid recording: importing it would (rightly) store it
            continue;
          } catch {
            // invalid: send it
          }
        }
        n++;
        const changesBefore = changes();
        let result: ApiResult<unknown>;
        const where = `${name} ${m.kind} at ${jsonPointer(m.path) || '/'}${m.key !== undefined ? ` key ${JSON.stringify(m.key.slice(0, 20))}` : ''}`;
        try {
          result = await s.dispatch(name, m.payload, { clientKey });
        } catch (error) {
          failures.push(`${where}: threw ${String(error)}`);
          continue;
        }
        if (changes() !== changesBefore) failures.push(`${where}: wrote to the database`);
        if (result.ok) {
          failures.push(`${where}: answered ok`);
          continue;
        }
        const { code, path = '', message } = result.error;
        if (!(API_ERROR_CODES as readonly string[]).includes(code) || code === 'internal') {
          failures.push(`${where}: code ${code}: ${message}`);
          continue;
        }
        if (inRecording && parsed.success) {
          if (code !== 'invalid-recording' || !path.startsWith('/recording')) failures.push(`${where}: expected invalid-recording at /recording…, got ${code} at ${path}: ${message}`);
          continue;
        }
        if (code !== 'invalid-payload') {
          failures.push(`${where}: expected invalid-payload, got ${code}: ${message}`);
          continue;
        }
        if (zodThrew) {
          if (!message.startsWith(`arguments of ${name} could not be checked`)) failures.push(`${where}: zod failed, yet: ${message}`);
          continue;
        }
        // The error names the field: the mutated one (or a field below it), or the object that got the key.
        const named =
          m.kind === 'extra' || m.kind === 'pollution'
            ? path === jsonPointer(m.path) && message.includes(JSON.stringify(m.key))
            : m.kind === 'root'
              ? true
              : startsAt(path, m.path) || (m.kind === 'missing' && path === jsonPointer(m.path)) || (inDraft && path === '/document');
        if (!named) failures.push(`${where}: error at "${path}" does not name the field: ${message}`);
        if (path !== '' && !message.includes(path)) failures.push(`${where}: message does not name ${path}: ${message}`);
        byKind[m.kind] = (byKind[m.kind] ?? 0) + 1;
      }
      counts[name] = n;
      ms[name] = Date.now() - callStarted;
      sent += n;
      expect(snapshotTables(store), `${name} changed stored data`).toEqual(before);
      expect(Object.getOwnPropertyNames(Object.prototype).sort(), `${name} polluted Object.prototype`).toEqual(prototypeKeys);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }

    expect([...new Set(failures)].slice(0, 25), `${failures.length} failures`).toEqual([]);
    for (const name of API_CALL_NAMES) expect(counts[name], name).toBeGreaterThanOrEqual(PER_CALL);
    // The callers are still signed in and the data still verifies.
    expect(ok(await s.admin.auth.status()).signedIn?.accountRole).toBe('admin');
    expect(ok(await s.admin.audit.verify()).ok).toBe(true);
    console.log(
      `fuzz (seed ${SEED}): ${sent} malformed payloads over ${API_CALL_NAMES.length} calls (≥${PER_CALL} each), all refused with a typed code naming the field, ` +
        `nothing stored; by kind ${JSON.stringify(byKind)}; ${validSkipped} generated payloads were valid and not sent, ` +
        `${acceptedByValidator} mutated recordings were still valid; ${zodOverflows} on which zod itself overflowed; ${((Date.now() - t0) / 1000).toFixed(1)} s ` +
        `(slowest: ${Object.entries(ms)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 3)
          .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
          .join(', ')})`,
    );
  }, 120_000);
});
