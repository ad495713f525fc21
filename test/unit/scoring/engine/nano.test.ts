// Nano part (10.x): dwell, times per site and circling.
import { describe, expect, it } from 'vitest';
import { regionCentre } from '../../../../core/geometry/surface-walk';
import type { NanoContact } from '../../../../core/recording/types';
import { pathTurnDeg } from '../../../../core/scoring/engine/nano';
import { score } from '../../../../core/scoring/score';
import { createStandInSurface } from '../../../../core/surface/stand-in';
import { recording } from './helpers';

const surface = createStandInSurface({ rings: 40, segments: 80 });

describe('pathTurnDeg', () => {
  it('is about 360° for a circle and 0 for a line, ignoring steps under 0.5 mm', () => {
    const circle = Array.from({ length: 37 }, (_, i) => ({ p: [5 * Math.cos((i * Math.PI) / 18), 5 * Math.sin((i * Math.PI) / 18), 0] }));
    expect(pathTurnDeg([5, 0, 0], circle.slice(1), 0, 0, 1)).toBeCloseTo(350, 0);
    const line = Array.from({ length: 10 }, (_, i) => ({ p: [i + 1, 0, 0] }));
    expect(pathTurnDeg([0, 0, 0], line, 0, 0, 1)).toBe(0);
    expect(pathTurnDeg([0, 0, 0], [{ p: [0.1, 0, 0] }, { p: [0.1, 0.1, 0] }], 0, 0, 1)).toBe(0);
  });
});

describe('nano contacts', () => {
  const c = regionCentre(surface, 'forehead');
  const contact = (tStartMs: number, dwellMs: number): NanoContact => ({
    tStartMs,
    tEndMs: tStartMs + dwellMs,
    p: c.p,
    n: c.n,
    region: 'forehead',
    technique: 'point-lift',
    needleHeightUm: 100,
    path: [],
  });

  it('flags a dwell over 3 s and a fourth contact on one site', () => {
    const r = recording('nano', { contacts: [contact(1000, 3500), contact(6000, 500), contact(7000, 500), contact(8000, 500)] });
    const report = score(r, { surface });
    const ids = report.findings.map((f) => f.id);
    expect(ids).toContain('nano-dwell:forehead');
    expect(ids).toContain('nano-times-per-site:forehead');
    expect(report.metrics.contacts).toBe(4);
    expect(report.metrics.maxContactsPerSite).toBe(4);
  });

  it('reports the worst occurrence: a site touched five times says five, the longest dwell its own seconds', () => {
    const r = recording('nano', { contacts: [contact(1000, 3500), contact(6000, 4200), contact(11000, 500), contact(12000, 500), contact(13000, 500)] });
    const findings = score(r, { surface }).findings;
    const times = findings.find((f) => f.id === 'nano-times-per-site:forehead');
    expect(times?.evidence.values).toMatchObject({ times: 5, limit: 3 });
    expect(times?.evidence.text.en).toBe('5 times on one site, limit 3');
    expect(times?.evidence.text.zh).toBe('同一部位操作 5 次，上限 3 次');
    const dwell = findings.find((f) => f.id === 'nano-dwell:forehead');
    expect(dwell?.evidence.values).toMatchObject({ dwellS: 4.2, limitS: 3 });
  });

  it('takes the scalp as hair-bearing unless the case says otherwise: sliding there is refused (10.4)', () => {
    const scalp = regionCentre(surface, 'scalp');
    const slide: NanoContact = { tStartMs: 1000, tEndMs: 1800, p: scalp.p, n: scalp.n, region: 'scalp', technique: 'sliding', needleHeightUm: 100, path: [] };
    const findingsFor = (hairBearingScalp: boolean | undefined) => {
      const r = recording('nano', { contacts: [slide] });
      r.goal.targetRegions = ['scalp'];
      if (hairBearingScalp === undefined) delete r.case.hairBearingScalp;
      else r.case.hairBearingScalp = hairBearingScalp;
      return score(r, { surface }).findings.map((f) => f.id);
    };
    expect(findingsFor(undefined)).toContain('nano-sliding-not-allowed:scalp');
    expect(findingsFor(true)).toContain('nano-sliding-not-allowed:scalp');
    expect(findingsFor(false)).not.toContain('nano-sliding-not-allowed:scalp');
  });
});
