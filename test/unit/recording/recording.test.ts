import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordingJsonSchema } from '../../../core/recording/schema';
import { migrateRecordingDocument, RECORDING_MIGRATIONS } from '../../../core/recording/migrate';
import { parseRecording } from '../../../core/recording/validate';
import { RECORDING_VERSION, type Recording } from '../../../core/recording/types';

const dir = new URL('../../fixtures/recordings/', import.meta.url);
const fixtureNames = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'));
const load = (name: string): Recording => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
const base = () => load('roller-forehead-good.json');

describe('parseRecording', () => {
  it('accepts every fixture', () => {
    expect(fixtureNames.length).toBeGreaterThanOrEqual(20);
    for (const name of fixtureNames) {
      const r = parseRecording(load(name), name);
      expect(r.ok, `${name}: ${r.ok ? '' : JSON.stringify(r.errors)}`).toBe(true);
    }
  });

  it('accepts a JSON string and reports bad JSON', () => {
    expect(parseRecording(JSON.stringify(base())).ok).toBe(true);
    const bad = parseRecording('{"format": ', 'x.json');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0].message).toMatch(/x\.json is not valid JSON/);
  });

  it('names the JSON pointer and what was expected for shape errors', () => {
    const r = base() as unknown as Record<string, unknown> & Recording;
    (r.samples[12].p as unknown[])[0] = 'a';
    (r.samples[3] as unknown as Record<string, unknown>).region = 'elbow';
    (r.samples[4] as unknown as Record<string, unknown>).pressure = 1.5;
    (r.samples[5] as unknown as Record<string, unknown>).speed = 3;
    delete (r as Partial<Recording>).goal;
    const out = parseRecording(r);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    const byPointer = Object.fromEntries(out.errors.map((e) => [e.pointer, e.message]));
    expect(byPointer['/samples/12/p/0']).toMatch(/expected a finite number, received the string "a"/);
    expect(byPointer['/samples/3/region']).toMatch(/expected a region id .*"elbow"/);
    expect(byPointer['/samples/4/pressure']).toMatch(/0\.\.1/);
    expect(byPointer['/samples/5']).toMatch(/unexpected field\(s\) "speed"/);
    expect(byPointer['/goal']).toMatch(/missing: expected object/);
  });

  it('checks time order, unit normals, references and the end', () => {
    const r = base();
    r.samples[10].tMs = r.samples[9].tMs - 5;
    r.samples[20].n = [0, 0, 2];
    r.steps[0].zoneId = 'nowhere';
    r.case.conditions = [{ id: 'sunburn' }];
    r.end.tMs = 10;
    const out = parseRecording(r);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    const pointers = out.errors.map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/samples/10/tMs', '/samples/20/n', '/steps/0/zoneId', '/case/conditions/0/id', '/end/tMs']));
    expect(out.errors.find((e) => e.pointer === '/samples/20/n')!.message).toMatch(/unit normal.*length is 2\.0000/);
  });

  it('rejects settings for another device and a missing initial settings entry', () => {
    const r = base();
    r.settings[0].settings = { device: 'nano', needleHeightUm: 100, technique: 'point-lift', level: 1 };
    let out = parseRecording(r);
    expect(!out.ok && out.errors.some((e) => e.pointer === '/settings/0/settings/device')).toBe(true);
    const r2 = base();
    r2.settings = [];
    out = parseRecording(r2);
    expect(!out.ok && out.errors.some((e) => e.pointer === '/settings')).toBe(true);
  });

  it('caps the number of errors on a corrupt file', () => {
    const r = base();
    for (const s of r.samples) s.n = [0, 0, 3];
    const out = parseRecording(r);
    expect(!out.ok && out.errors.length).toBe(50);
  });
});

describe('migration chain', () => {
  it('is contiguous up to the current version', () => {
    let v = 1;
    for (const m of RECORDING_MIGRATIONS) {
      expect(m.from).toBe(v);
      expect(m.to).toBe(v + 1);
      v = m.to;
    }
    expect(v).toBe(RECORDING_VERSION);
  });

  it('rejects other formats, newer versions and non-objects with a pointer', () => {
    expect(parseRecording({ ...base(), version: 99 })).toMatchObject({ ok: false, errors: [{ pointer: '/version' }] });
    expect(parseRecording({ ...base(), format: 'other' })).toMatchObject({ ok: false, errors: [{ pointer: '/format' }] });
    expect(parseRecording([1, 2])).toMatchObject({ ok: false, errors: [{ pointer: '' }] });
  });

  it('upgrades an older document step by step (a v2 slotted into the chain)', () => {
    const v2 = { from: 1, to: 2, migrate: (d: Readonly<Record<string, unknown>>) => ({ ...d, version: 2, renamed: d.id }) };
    const v3 = { from: 2, to: 3, migrate: (d: Readonly<Record<string, unknown>>) => ({ ...d, version: 3 }) };
    const doc = { format: 'microneedle-session', version: 1, id: 'abc' };
    const out = migrateRecordingDocument(doc, [v2, v3], 3);
    expect(out).toEqual({ ok: true, fromVersion: 1, doc: { format: 'microneedle-session', version: 3, id: 'abc', renamed: 'abc' } });
    expect(doc.version).toBe(1); // input untouched
    expect(migrateRecordingDocument(doc, [v3], 3)).toMatchObject({ ok: false, errors: [{ pointer: '/version', message: 'no migration from version 1 to 2' }] });
  });
});

describe('published schema and docs', () => {
  it('docs/recording.schema.json is generated from the zod schema and up to date (npm run build:fixtures regenerates it)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../../docs/recording.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(recordingJsonSchema())));
  });

  it('docs/recording-format.md documents every field of the schema', () => {
    const doc = readFileSync(new URL('../../../docs/recording-format.md', import.meta.url), 'utf8');
    const fields = new Set<string>();
    const walk = (node: unknown) => {
      if (!node || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      if (o.properties && typeof o.properties === 'object') for (const k of Object.keys(o.properties)) fields.add(k);
      for (const v of Object.values(o)) walk(v);
    };
    walk(recordingJsonSchema());
    const missing = [...fields].filter((f) => !doc.includes(`\`${f}\``));
    expect(missing).toEqual([]);
  });
});
