// Fixtures built for the scoring model (docs/scoring.md, "Severity by extent" and "Not assessed"): per
// procedure, one rule broken on all of a site's work (wholly wrong), on most of it, on a notable part, and on
// a trace of it (a brief slip), and a session that did almost nothing. Expectations follow the model's table
// (core/rules/extent-severity.ts) with the default bands: trace < 5 %, most ≥ 50 %.

import type { RegionId } from '../core/anatomy/regions';
import type { Recording } from '../core/recording/types';
import { coverRegion, NORMAL_CASE, PRE_STEPS, SessionBuilder } from './fixture-kit';
import { f, nanoSession, rfSession, roller, rollerSession, type FixtureSpec } from './fixture-specs';

/**
 * Switches the roller to `wrongMm` for the contact samples of `region` from share `from` to share `to` of
 * them (0..1), back to the recording's needle after; the share of the site's contact at the wrong length is
 * then to - from (to the sample).
 */
function needleWindow(rec: Recording, region: RegionId, from: number, to: number, wrongMm: number): Recording {
  const first = rec.settings[0];
  if (!first || first.settings.device !== 'roller') throw new Error('needleWindow: the recording has no roller settings');
  const contact = rec.samples.filter((s) => s.contact && s.pressure > 0 && s.region === region);
  const a = contact[Math.floor(from * contact.length)];
  const b = contact[Math.floor(to * contact.length)];
  const changes = [{ tMs: a.tMs, settings: { ...first.settings, needleLengthMm: wrongMm } }];
  if (b) changes.push({ tMs: b.tMs, settings: first.settings });
  rec.settings = [...rec.settings, ...changes].sort((x, y) => x.tMs - y.tMs);
  return rec;
}

export const EXTENT_FIXTURE_SPECS: FixtureSpec[] = [
  {
    name: 'roller-forehead-needle-wholly-wrong',
    description: 'Forehead rolled well, but with 1.5 mm (8.5.5: 0.5-1.0 mm) on all of its contact: too long on most of the site, critical.',
    passed: false,
    expected: [f('roller-needle-forehead:forehead', '8.5.5', 'critical')],
    build: (s) => rollerSession(s, 'roller-forehead-needle-wholly-wrong', { region: 'forehead', needle: 1.5 }),
  },
  {
    name: 'roller-forehead-needle-mostly-wrong',
    description: 'Forehead at 0.5 mm for the first 30 % of its contact samples, then 1.5 mm for the remaining 70 %: most of the site, critical.',
    passed: false,
    expected: [f('roller-needle-forehead:forehead', '8.5.5', 'critical')],
    build: (s) => needleWindow(rollerSession(s, 'roller-forehead-needle-mostly-wrong', { region: 'forehead', needle: 0.5 }), 'forehead', 0.3, 1, 1.5),
  },
  {
    name: 'roller-forehead-needle-partly-wrong',
    description: 'Forehead at 1.5 mm for 25 % of its contact samples: a notable part, major; parameters 100 − 25 × 1.25 = 68.8, above the floor, so it passes.',
    passed: true,
    expected: [f('roller-needle-forehead:forehead', '8.5.5', 'major')],
    build: (s) => needleWindow(rollerSession(s, 'roller-forehead-needle-partly-wrong', { region: 'forehead', needle: 0.5 }), 'forehead', 0.4, 0.65, 1.5),
  },
  {
    name: 'roller-forehead-needle-slip',
    description: 'Forehead at 1.5 mm for 2 % of its contact samples (a brief slip): a trace, minor; it passes with about 10 points off parameters.',
    passed: true,
    expected: [f('roller-needle-forehead:forehead', '8.5.5', 'minor')],
    build: (s) => needleWindow(rollerSession(s, 'roller-forehead-needle-slip', { region: 'forehead', needle: 0.5 }), 'forehead', 0.5, 0.52, 1.5),
  },
  {
    name: 'roller-periorbital-long-needle',
    description: 'Forehead rolled well at 0.5 mm, then the left periorbital region with 1.0 mm for 80 % of its contact and 0.25 mm after (8.5.1: 0.25 mm): thin periocular skin at a notable extent, critical. The ring around the open eye is narrow and curved: the strokes leave it 74 % complete in all four directions (80 % asked), 米 pattern (8.2), major.',
    passed: false,
    expected: [f('roller-cross-pattern:periorbital-left', '8.2', 'major'), f('roller-needle-eyelid:periorbital-left', '8.5.1', 'critical')],
    build: (s) => {
      const b = new SessionBuilder('roller-periorbital-long-needle', 'roller', { indication: 'fine lines', endpoint: 'pink', targetRegions: ['forehead', 'periorbital-left'] }, NORMAL_CASE, [
        { id: 'zone-forehead', regions: ['forehead'] },
        { id: 'zone-periorbital', regions: ['periorbital-left'] },
      ]);
      b.stepsOf(PRE_STEPS.roller).set(roller(0.5));
      coverRegion(b, s, 'forehead', { angles: [0, 45, 90, 135] });
      const periorbitalStart = b.samples.length;
      b.set(roller(0.25, 10));
      coverRegion(b, s, 'periorbital-left', { angles: [0, 45, 90, 135], spacingMm: 3.5, minRunMm: 1 });
      b.step('aftercare-instructions');
      const rec = b.build();
      // 1.0 mm for the first 80 % of the periorbital contact samples.
      const peri = rec.samples.slice(periorbitalStart).filter((x) => x.contact && x.pressure > 0 && x.region === 'periorbital-left');
      const cut = peri[Math.floor(0.8 * peri.length)].tMs;
      rec.settings = rec.settings.map((c, i) => (i === 1 ? { tMs: c.tMs, settings: roller(1.0, 10) } : c));
      rec.settings.push({ tMs: cut, settings: roller(0.25, 10) });
      return rec;
    },
  },
  {
    name: 'roller-forehead-almost-nothing',
    description: 'Full preparation and aftercare, but the forehead (the target) gets three short strokes: under 5 % covered, untreated (critical); technique and parameters are not assessed.',
    passed: false,
    expected: [f('roller-target-untreated:forehead', '8.2', 'critical')],
    build: (s) => rollerSession(s, 'roller-forehead-almost-nothing', { region: 'forehead', needle: 0.5, angles: [0], extent: 4, spacing: 30 }),
  },
  {
    name: 'rf-cheeks-depth-wholly-wrong',
    description: 'RF on both cheeks at 3.0 mm (9.6.5: cheeks 1.0-2.5 mm) on every pulse: too deep on most of each site, critical.',
    passed: false,
    expected: [f('rf-depth-face:cheek-left', '9.6.5', 'critical'), f('rf-depth-face:cheek-right', '9.6.5', 'critical')],
    build: (s) => rfSession(s, 'rf-cheeks-depth-wholly-wrong', { regions: ['cheek-left', 'cheek-right'], settings: { depthMm: 3.0 } }),
  },
  {
    name: 'rf-cheeks-depth-mostly-wrong',
    description: 'RF on both cheeks, the last 70 % of each zone\'s pulses at 3.0 mm: most of each site, critical.',
    passed: false,
    expected: [f('rf-depth-face:cheek-left', '9.6.5', 'critical'), f('rf-depth-face:cheek-right', '9.6.5', 'critical')],
    build: (s) => rfSession(s, 'rf-cheeks-depth-mostly-wrong', { regions: ['cheek-left', 'cheek-right'], depthAt: (k, n) => (k >= 0.3 * n ? 3.0 : 1.5) }),
  },
  {
    name: 'rf-cheeks-depth-slip',
    description: 'RF on both cheeks at 1.5 mm but one pulse of the left cheek at 3.0 mm (a trace of its pulses): minor, passes.',
    passed: true,
    expected: [f('rf-depth-face:cheek-left', '9.6.5', 'minor')],
    build: (s) => {
      let zone = 0;
      return rfSession(s, 'rf-cheeks-depth-slip', { regions: ['cheek-left', 'cheek-right'], depthAt: (k) => (k === 0 && zone++ === 0 ? 3.0 : 1.5) });
    },
  },
  {
    name: 'rf-cheeks-almost-nothing',
    description: 'RF planned on both cheeks, prepared and zoned, but a single pulse is given: both cheeks untreated (critical); technique and parameters are not assessed.',
    passed: false,
    expected: [f('rf-target-untreated:cheek-left', '9.3', 'critical'), f('rf-target-untreated:cheek-right', '9.3', 'critical')],
    build: (s) => rfSession(s, 'rf-cheeks-almost-nothing', { regions: ['cheek-left', 'cheek-right'], skip: (i) => i !== 0 }),
  },
  {
    name: 'nano-cheek-dwell-wholly-wrong',
    description: 'Nano on the left cheek with every contact 4 s (10.5: at most 3 s): major at the most extent, 25 × 2 points off technique, under the floor.',
    passed: false,
    expected: [f('nano-dwell:cheek-left', '10.5', 'major')],
    build: (s) => nanoSession(s, 'nano-cheek-dwell-wholly-wrong', { region: 'cheek-left', dwellMs: 4000, spacing: 8 }),
  },
  {
    name: 'nano-cheek-dwell-mostly-wrong',
    description: 'Nano on the left cheek with the last 70 % of contacts (to the nearest contact) 4 s: major, about 25 × 1.7 = 42.5 points off technique, under the floor.',
    passed: false,
    expected: [f('nano-dwell:cheek-left', '10.5', 'major')],
    build: (s) => nanoSession(s, 'nano-cheek-dwell-mostly-wrong', { region: 'cheek-left', spacing: 8, dwellAt: (k, n) => (k >= 0.3 * n ? 4000 : 1500) }),
  },
  {
    name: 'nano-cheek-dwell-slip',
    description: 'Nano on the left cheek with one contact of 4 s among many of 1.5 s: a trace, minor; passes.',
    passed: true,
    expected: [f('nano-dwell:cheek-left', '10.5', 'minor')],
    build: (s) => nanoSession(s, 'nano-cheek-dwell-slip', { region: 'cheek-left', spacing: 8, dwellAt: (k) => (k === 3 ? 4000 : 1500) }),
  },
  {
    name: 'nano-forehead-almost-nothing',
    description: 'Nano prepared for the forehead, but one contact only: the forehead is untreated (critical); technique and parameters are not assessed.',
    passed: false,
    expected: [f('nano-target-untreated:forehead', '10.4', 'critical')],
    build: (s) => {
      const rec = nanoSession(s, 'nano-forehead-almost-nothing', { region: 'forehead', spacing: 10 });
      rec.contacts = rec.contacts.slice(0, 1);
      return rec;
    },
  },
];
