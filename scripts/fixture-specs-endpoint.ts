// Fixtures for the treatment endpoints (8.4.1-8.4.3, docs/scoring.md "Treatment endpoints"): the trainee
// declares the endpoint reached and the simulator's skin-reaction model (core/scoring/engine/skin-reaction.ts)
// judges it. Expectations are worked out from the model's defaults (dose = passes × needle × force ÷ the
// moderate level 0.55; visible above 12 pass·mm, pink at 14, purpura from bleeding needles ≥ 1.0 mm at 20)
// and the fixture kit's strokes (12 mm apart under a 20 mm drum: a vertex takes one or two passes per
// direction in each round, about 6-7 passes a round).

import type { RegionId } from '../core/anatomy/regions';
import type { Recording } from '../core/recording/types';
import { f, rollerSession, type FixtureSpec } from './fixture-specs';

/** The trainee declares the endpoint of `regions` 100 ms after the last roller sample, before the aftercare. */
function declaredAfterTreatment(rec: Recording, regions: RegionId[]): Recording {
  const last = rec.samples[rec.samples.length - 1];
  rec.endpoints = [{ tMs: Math.round(last.tMs) + 100, regions }];
  return rec;
}

export const ENDPOINT_FIXTURE_SPECS: FixtureSpec[] = [
  {
    name: 'roller-forehead-pink-declared',
    description:
      'Forehead, pink endpoint (8.4.1), 0.75 mm (8.5.5: 0.5-1.0 mm) at moderate force, four 米 rounds (within 13.9\'s five), endpoint declared at the end: at least 16 passes and, where strokes overlap, 20 or more × 0.75 mm ≥ 15 pass·mm on most of the forehead, past the pink dose of 14 and never purpura (0.75 mm does not bleed): reached on more than 80 %, passes with no finding.',
    passed: true,
    expected: [],
    build: (s) => declaredAfterTreatment(rollerSession(s, 'roller-forehead-pink-declared', { region: 'forehead', needle: 0.75, rounds: 4, pressure: 0.55 }), ['forehead']),
  },
  {
    name: 'roller-forehead-pink-declared-too-early',
    description:
      'Forehead, pink endpoint, 0.75 mm at moderate force, but the endpoint is declared after one round: about 7 passes × 0.75 mm = 5 pass·mm, under the visible dose of 12, so the skin is not pink anywhere: 8.4.1 not reached, a major technique finding (technique 75); the attempt still passes on its total.',
    passed: true,
    expected: [f('roller-endpoint-pink-not-reached:forehead', '8.4.1', 'major')],
    build: (s) => declaredAfterTreatment(rollerSession(s, 'roller-forehead-pink-declared-too-early', { region: 'forehead', needle: 0.75, rounds: 1, pressure: 0.55 }), ['forehead']),
  },
  {
    name: 'roller-cheek-absorption-purpura',
    description:
      'Left cheek, absorption endpoint (8.4.2: 0.25-0.5 mm, 3-5 rounds, no visible change), rolled with 1.5 mm at firm force (0.85) for three rounds and declared: 20 passes × 1.5 mm × 0.85/0.55 ≈ 46 pass·mm, past the purpura dose of 20 on nearly all of the cheek: purpura over most of the region, critical (8.4.2 breached), besides the 1.5 mm needle on all of the site, critical.',
    passed: false,
    expected: [f('roller-endpoint-absorption-purpura:cheek-left', '8.4.2', 'critical'), f('roller-needle-absorption:cheek-left', '8.4.2', 'critical')],
    build: (s) => declaredAfterTreatment(rollerSession(s, 'roller-cheek-absorption-purpura', { region: 'cheek-left', needle: 1.5, endpoint: 'absorption', rounds: 3, pressure: 0.85 }), ['cheek-left']),
  },
  {
    name: 'roller-cheek-absorption-firm-visible',
    description:
      'Left cheek, absorption endpoint, the right needle (0.5 mm) and four rounds, but at firm force (0.85) where 8.4.2 asks for moderate: about 27 passes × 0.5 mm × 0.85/0.55 ≈ 21 pass·mm, past the visible dose of 12 on most of the cheek: visible erythema on most of the region, major (8.4.2 breached); no bleeding (0.5 mm).',
    passed: true,
    expected: [f('roller-endpoint-absorption-visible:cheek-left', '8.4.2', 'major')],
    build: (s) => declaredAfterTreatment(rollerSession(s, 'roller-cheek-absorption-firm-visible', { region: 'cheek-left', needle: 0.5, endpoint: 'absorption', rounds: 4, pressure: 0.85 }), ['cheek-left']),
  },
];
