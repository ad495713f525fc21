// The hand-built fixtures: what each session does and the findings it must produce (rule id, clause,
// severity). Expectations are written from the standard, not copied from the scorer's output.

import type { RegionId } from '../core/anatomy/regions';
import { projectToSurface, tracePath } from '../core/geometry/surface-walk';
import type { PatientCase, Recording, RfPulse, RfSettings, StepId, Vec3 } from '../core/recording/types';
import type { Scenario } from '../core/scoring/scenario';
import type { Severity } from '../core/scoring/report';
import type { TreatmentSurface } from '../core/surface/surface';
import { coverRegion, neg, NORMAL_CASE, PRE_STEPS, SessionBuilder, surfaceGrid, tilt } from './fixture-kit';

export interface ExpectedFinding {
  id: string;
  clause: string;
  severity: Severity;
}

export interface FixtureSpec {
  name: string;
  description: string;
  scenario?: Scenario;
  passed: boolean;
  expected: ExpectedFinding[];
  build(surface: TreatmentSurface): Recording;
}

export const ALL4 = [0, 45, 90, 135];
/** Stroke spacing on small, curved sites (the lids, the nose, around the eye): a 10 mm drum in overlapping
 *  strokes that follow the site's curve, as a careful practitioner rolls it. */
const LID_STROKE_SPACING_MM = 3.5;
export const roller = (needleLengthMm: number, drumWidthMm = 20) => ({ device: 'roller' as const, needleLengthMm, drumWidthMm });

export function rollerSession(
  surface: TreatmentSurface,
  name: string,
  o: {
    region: RegionId;
    needle: number;
    endpoint?: Recording['goal']['endpoint'];
    patient?: PatientCase;
    pre?: StepId[];
    angles?: number[];
    rounds?: number;
    targets?: RegionId[];
    tension?: boolean;
    pressure?: number | ((i: number) => number);
    speed?: number;
    piece?: number;
    allowed?: RegionId[];
    during?: StepId[];
    after?: StepId[];
    drum?: number;
    extent?: number;
    spacing?: number;
    /** Centre of the treated patch (projected onto the surface); default the region centre. */
    centre?: Vec3;
  },
): Recording {
  const b = new SessionBuilder(name, 'roller', { indication: 'fixture', endpoint: o.endpoint ?? 'pink', targetRegions: o.targets ?? [o.region] }, o.patient ?? NORMAL_CASE);
  b.stepsOf(o.pre ?? PRE_STEPS.roller).set(roller(o.needle, o.drum));
  coverRegion(b, surface, o.region, { angles: o.angles ?? ALL4, rounds: o.rounds, skinTension: o.tension, pressure: o.pressure, speedMmPerS: o.speed, pieceMm: o.piece, allowed: o.allowed, spacingMm: o.spacing ?? (o.drum ? o.drum * 0.5 : undefined), maxExtentMm: o.extent, minRunMm: o.drum ? 1 : undefined }, o.centre ? projectToSurface(surface, ...o.centre) : undefined);
  for (const s of o.during ?? []) b.step(s, {}, 1000);
  b.stepsOf(o.after ?? ['aftercare-instructions']);
  return b.build();
}

const rfSettings = (o: Partial<RfSettings> = {}): RfSettings => ({ device: 'rf', tipSizeMm: 10, depthMm: 1.5, powerW: 15, pulseWidthMs: 100, suction: true, bipolar: true, tipId: 'tip-001', ...o });

export function rfSession(
  surface: TreatmentSurface,
  name: string,
  o: {
    regions: RegionId[];
    settings?: Partial<RfSettings>;
    patient?: PatientCase;
    spacing?: number;
    tiltDeg?: (i: number) => number;
    skip?: (i: number) => boolean;
    zonePrep?: boolean;
    fitTip?: boolean;
    after?: StepId[];
    tipIds?: (zoneIndex: number) => string;
    tension?: boolean;
    pressure?: number;
    /** Depth of the k-th pulse of a zone with n pulses (default the settings' depth). */
    depthAt?: (k: number, n: number) => number;
  },
): Recording {
  const zones = o.regions.map((r, i) => ({ id: `zone-${i + 1}`, regions: [r] }));
  const b = new SessionBuilder(name, 'rf', { indication: 'laxity', endpoint: 'tightening', targetRegions: o.regions }, o.patient ?? NORMAL_CASE, zones);
  b.stepsOf(PRE_STEPS.rf);
  const s = rfSettings(o.settings);
  b.set(s);
  let i = 0;
  o.regions.forEach((region, zi) => {
    const zoneId = `zone-${zi + 1}`;
    const tipId = o.tipIds ? o.tipIds(zi) : s.tipId;
    if (o.fitTip !== false && (zi === 0 || tipId !== (o.tipIds ? o.tipIds(zi - 1) : s.tipId))) b.step('fit-new-tip');
    if (o.zonePrep !== false) for (const st of ['remove-anaesthetic', 'cleanse-again', 'disinfect'] as const) b.step(st, { zoneId });
    const grid = surfaceGrid(surface, region, o.spacing ?? 9.5, undefined, undefined, true);
    grid.forEach((p, k) => {
      if (o.skip?.(i)) {
        i++;
        return;
      }
      const axis = neg(p.n);
      const pulse: RfPulse = {
        tMs: b.t,
        p: p.p,
        n: p.n,
        axis: o.tiltDeg ? tilt(axis, o.tiltDeg(i)) : axis,
        region: p.region,
        zoneId,
        depthMm: o.depthAt ? o.depthAt(k, grid.length) : s.depthMm,
        powerW: s.powerW,
        pulseWidthMs: s.pulseWidthMs,
        tipSizeMm: s.tipSizeMm,
        suction: s.suction,
        bipolar: s.bipolar,
        tipId,
        skinTension: o.tension ?? true,
        pressure: o.pressure ?? 0.1,
      };
      b.pulses.push(pulse);
      b.t += 800;
      i++;
    });
    b.t += 2000;
  });
  b.stepsOf(o.after ?? ['apply-product', 'aftercare-instructions']);
  return b.build();
}

export function nanoSession(
  surface: TreatmentSurface,
  name: string,
  o: {
    region: RegionId;
    patient?: PatientCase;
    technique?: 'point-lift' | 'sliding';
    heightUm?: number;
    dwellMs?: number;
    repeats?: number;
    circle?: boolean;
    pre?: StepId[];
    wetMin?: number;
    spacing?: number;
    after?: StepId[];
    /** Dwell of the k-th of n contacts (ms; default dwellMs). */
    dwellAt?: (k: number, n: number) => number;
  },
): Recording {
  const technique = o.technique ?? 'point-lift';
  const b = new SessionBuilder(name, 'nano', { indication: 'delivery of a hydrating serum', endpoint: 'delivery', targetRegions: [o.region] }, o.patient ?? NORMAL_CASE);
  b.stepsOf(o.pre ?? PRE_STEPS.nano);
  b.set({ device: 'nano', needleHeightUm: o.heightUm ?? 100, technique, level: 2 });
  const pts = surfaceGrid(surface, o.region, o.spacing ?? 10);
  for (let rep = 0; rep < (o.repeats ?? 1); rep++) {
    for (const [k, p] of pts.entries()) {
      const dwell = o.dwellAt ? o.dwellAt(k, pts.length) : (o.dwellMs ?? 1500);
      let path: { tMs: number; p: Vec3 }[] = [];
      if (technique === 'sliding' || o.circle) {
        if (o.circle) {
          // A loop of radius 3 mm: four quarter turns traced on the surface.
          const out: { tMs: number; p: Vec3 }[] = [];
          let cur = p;
          for (let k = 0; k < 24; k++) {
            const seg = tracePath(surface, cur.p, (k * 360) / 24 + 90, 0.8);
            cur = seg[seg.length - 1];
            out.push({ tMs: b.t + Math.round(((k + 1) / 25) * dwell), p: cur.p });
          }
          path = out;
        } else {
          const line = tracePath(surface, p.p, 0, 8);
          path = [2, 4, 6, 8].map((mm, k) => ({ tMs: b.t + Math.round(((k + 1) / 5) * dwell), p: line[Math.round(mm / 0.25)].p }));
        }
      }
      b.contacts.push({ tStartMs: b.t, tEndMs: b.t + dwell, p: p.p, n: p.n, region: p.region, technique, needleHeightUm: o.heightUm ?? 100, path });
      b.t += dwell + 700;
    }
  }
  b.t += 1000;
  const after = o.after ?? ['wet-compress', 'dispose-needle', 'aftercare-instructions'];
  for (const s of after) b.step(s, s === 'wet-compress' ? { durationMs: (o.wetMin ?? 20) * 60000 } : {});
  return b.build();
}

export const f = (id: string, clause: string, severity: Severity): ExpectedFinding => ({ id, clause, severity });

export const FIXTURE_SPECS: FixtureSpec[] = [
  {
    name: 'roller-forehead-good',
    description: 'Forehead, pink endpoint, 0.5 mm, one full 米 round in short rapid strokes, full preparation and aftercare.',
    passed: true,
    expected: [],
    build: (s) => rollerSession(s, 'roller-forehead-good', { region: 'forehead', needle: 0.5 }),
  },
  {
    name: 'roller-cheek-absorption-3-rounds',
    description: 'Left cheek, absorption endpoint (8.4.2), 0.25 mm, three 米 rounds.',
    passed: true,
    expected: [],
    build: (s) => rollerSession(s, 'roller-cheek-absorption-3-rounds', { region: 'cheek-left', needle: 0.25, endpoint: 'absorption', rounds: 3 }),
  },
  {
    name: 'roller-cheek-absorption-1-round',
    description: 'Left cheek, absorption endpoint, but only one round (8.4.2 asks 3-5).',
    passed: true,
    expected: [f('roller-rounds-absorption:cheek-left', '8.4.2', 'major')],
    build: (s) => rollerSession(s, 'roller-cheek-absorption-1-round', { region: 'cheek-left', needle: 0.25, endpoint: 'absorption' }),
  },
  {
    name: 'roller-absorption-long-needle',
    description: 'Right cheek, absorption endpoint with a 1.0 mm needle (8.4.2: 0.25-0.5 mm), three rounds: too long on all of the site\'s contact, so critical (severity by extent). The 1.0 mm needle bleeds in the skin-reaction model: where strokes overlap (22 or more passes × 1.0 mm × 0.5/0.55 ≥ 20 pass·mm) purpura appears, on a notable part of the cheek (5-50 %), so 8.4.2\'s "no visible change" is breached too, major.',
    passed: false,
    expected: [f('roller-endpoint-absorption-purpura:cheek-right', '8.4.2', 'major'), f('roller-needle-absorption:cheek-right', '8.4.2', 'critical')],
    build: (s) => rollerSession(s, 'roller-absorption-long-needle', { region: 'cheek-right', needle: 1.0, endpoint: 'absorption', rounds: 3 }),
  },
  {
    name: 'roller-chin-over-treated',
    description: 'Chin, pink endpoint, rolled for seven full 米 rounds: over-treatment (13.9; simulator default limit 5 rounds).',
    passed: true,
    expected: [f('roller-over-treatment:chin', '13.9', 'major')],
    build: (s) => rollerSession(s, 'roller-chin-over-treated', { region: 'chin', needle: 0.5, rounds: 7 }),
  },
  {
    name: 'roller-scalp-left-right',
    description: 'Occipital scalp patch (alopecia), 0.5 mm, left-right strokes only (8.5.7); no whole-region target.',
    passed: true,
    expected: [],
    build: (s) => rollerSession(s, 'roller-scalp-left-right', { region: 'scalp', needle: 0.5, angles: [0], targets: [], extent: 35, centre: [0, 80, -90] }),
  },
  {
    name: 'roller-scalp-vertical',
    description: 'Occipital scalp patch rolled in all four directions: vertical and diagonal strokes (three passes in four) catch hair (8.5.7); major at the most extent, technique under the floor.',
    passed: false,
    expected: [f('roller-scalp-direction:scalp', '8.5.7', 'major')],
    build: (s) => rollerSession(s, 'roller-scalp-vertical', { region: 'scalp', needle: 0.5, targets: [], extent: 35, centre: [0, 80, -90] }),
  },
  {
    name: 'roller-eyelid-with-tension',
    description: 'Left lower eyelid, 0.25 mm, skin held over bone (8.5.1).',
    passed: true,
    expected: [],
    build: (s) => rollerSession(s, 'roller-eyelid-with-tension', { region: 'lower-eyelid-left', needle: 0.25, tension: true, drum: 10, spacing: LID_STROKE_SPACING_MM }),
  },
  {
    name: 'roller-eyelid-no-tension',
    description: 'Left lower eyelid, 0.25 mm, without stretching the skin (8.5.1) on all of its contact: major at the most extent, 25 × 2 points off technique, under the floor.',
    passed: false,
    expected: [f('roller-eyelid-tension:lower-eyelid-left', '8.5.1', 'major')],
    build: (s) => rollerSession(s, 'roller-eyelid-no-tension', { region: 'lower-eyelid-left', needle: 0.25, tension: false, drum: 10, spacing: LID_STROKE_SPACING_MM }),
  },
  {
    name: 'roller-nose-implant-pressure',
    description: 'Nose with an implant, 0.25 mm needle but pressing (8.5.2) on all of its contact: critical at the most extent.',
    passed: false,
    expected: [f('roller-nasal-implant-pressure:nose', '8.5.2', 'critical')],
    build: (s) => rollerSession(s, 'roller-nose-implant-pressure', { region: 'nose', needle: 0.25, patient: { ...NORMAL_CASE, nasalImplant: true }, pressure: 0.5, drum: 10, spacing: LID_STROKE_SPACING_MM }),
  },
  {
    name: 'roller-nose-implant-long-needle',
    description: 'Nose with an implant, light touch but a 0.5 mm needle (8.5.2: at most 0.25 mm) throughout: critical from a notable extent over an implant.',
    passed: false,
    expected: [f('roller-nasal-implant-needle:nose', '8.5.2', 'critical')],
    build: (s) => rollerSession(s, 'roller-nose-implant-long-needle', { region: 'nose', needle: 0.5, patient: { ...NORMAL_CASE, nasalImplant: true }, pressure: 0.1, drum: 10, spacing: LID_STROKE_SPACING_MM }),
  },
  {
    name: 'roller-nasolabial-short-needle',
    description: 'Left nasolabial fold with 0.5 mm throughout: does not reach the fold depth (8.5.3: 1.0-1.5 mm); too short is never critical, but major on all of the site takes 50 points off parameters.',
    passed: false,
    expected: [f('roller-needle-folds:nasolabial-left', '8.5.3', 'major')],
    build: (s) => rollerSession(s, 'roller-nasolabial-short-needle', { region: 'nasolabial-left', needle: 0.5, drum: 10 }),
  },
  {
    name: 'roller-no-consent',
    description: 'Forehead session started without informed consent (7.3): a critical error.',
    passed: false,
    expected: [f('consent-before-treatment', '7.3', 'critical')],
    build: (s) => rollerSession(s, 'roller-no-consent', { region: 'forehead', needle: 0.5, pre: PRE_STEPS.roller.filter((x) => x !== 'consent') }),
  },
  {
    name: 'roller-touches-eye',
    description: 'Upper eyelid strokes that run onto the left eye (no-treat zone): critical.',
    passed: false,
    expected: [f('no-treat-contact:eye-left', '8.5', 'critical')],
    build: (s) => rollerSession(s, 'roller-touches-eye', { region: 'upper-eyelid-left', needle: 0.25, tension: true, drum: 10, spacing: LID_STROKE_SPACING_MM, allowed: ['upper-eyelid-left', 'eye-left'] }),
  },
  {
    name: 'roller-horizontal-only',
    description: 'Forehead rolled horizontally only: the 米 pattern is incomplete (8.2).',
    passed: true,
    expected: [f('roller-cross-pattern:forehead', '8.2', 'major')],
    build: (s) => rollerSession(s, 'roller-horizontal-only', { region: 'forehead', needle: 0.5, angles: [0] }),
  },
  {
    name: 'roller-horizontal-drill-scenario',
    description: 'The horizontal-only forehead session scored under a drill scenario that practises one direction: the 米 check is switched off, coverage must reach 95%, and washing again before disinfection is required.',
    scenario: { id: 'drill-horizontal', title: { zh: '横向滚动练习', en: 'Horizontal rolling drill' }, disabledRules: ['roller-cross-pattern'], defaults: { minCoverageFraction: 0.95 }, requiredSteps: ['cleanse-again'], passMark: 90 },
    passed: true,
    expected: [],
    build: (s) => rollerSession(s, 'roller-horizontal-drill-scenario', { region: 'forehead', needle: 0.5, angles: [0] }),
  },
  {
    name: 'roller-keloid-case',
    description: 'A keloid-prone patient treated anyway (6.8): critical.',
    passed: false,
    expected: [f('contra-keloid-constitution:keloid-constitution', '6.8', 'critical')],
    build: (s) => rollerSession(s, 'roller-keloid-case', { region: 'forehead', needle: 0.5, patient: { ...NORMAL_CASE, id: 'case-keloid', conditions: [{ id: 'keloid-constitution' }] } }),
  },
  {
    name: 'roller-herpes-no-antiviral',
    description: 'Recurrent herpes history, no antiviral prophylaxis before treatment (13.6).',
    passed: true,
    expected: [f('antiviral-prophylaxis', '13.6', 'major')],
    build: (s) => rollerSession(s, 'roller-herpes-no-antiviral', { region: 'forehead', needle: 0.5, patient: { ...NORMAL_CASE, id: 'case-herpes', conditions: [{ id: 'herpes-history' }] } }),
  },
  {
    name: 'roller-long-slow-strokes',
    description: 'Forehead rolled in long slow sweeps (80 mm at 15 mm/s) instead of rapid short strokes (8.2).',
    passed: true,
    expected: [f('roller-short-rapid-strokes', '8.2', 'minor')],
    build: (s) => rollerSession(s, 'roller-long-slow-strokes', { region: 'forehead', needle: 0.5, speed: 15, piece: 80 }),
  },
  {
    name: 'roller-texture-no-wipe',
    description: 'Right nasolabial fold, scar endpoint (8.4.3) with 1.0 mm, but no blood wiping (8.3) or cold compress (12.1).',
    passed: true,
    expected: [f('roller-wipe-blood', '8.3', 'minor'), f('cold-compress', '12.1', 'minor')],
    build: (s) => rollerSession(s, 'roller-texture-no-wipe', { region: 'nasolabial-right', needle: 1.0, endpoint: 'texture-scars', drum: 10 }),
  },
  {
    name: 'roller-uneven-pressure-no-aftercare',
    description: 'Forehead with strongly alternating pressure (13.10) and no aftercare instructions (12.2).',
    passed: true,
    expected: [f('roller-even-pressure', '13.10', 'minor'), f('aftercare-instructions', '12.2', 'major')],
    build: (s) => rollerSession(s, 'roller-uneven-pressure-no-aftercare', { region: 'forehead', needle: 0.5, pressure: (i) => (i % 2 ? 0.9 : 0.25), after: [] }),
  },
  {
    name: 'roller-zone-hopping',
    description: 'Forehead and left cheek as two zones, but the trainee goes back and forth between them direction by direction (8.2 zone by zone).',
    passed: true,
    expected: [f('roller-zone-by-zone', '8.2', 'minor')],
    build: (s) => {
      const b = new SessionBuilder('roller-zone-hopping', 'roller', { indication: 'dull skin', endpoint: 'pink', targetRegions: ['forehead', 'cheek-left'] }, NORMAL_CASE, [
        { id: 'zone-forehead', regions: ['forehead'] },
        { id: 'zone-cheek', regions: ['cheek-left'] },
      ]);
      b.stepsOf(PRE_STEPS.roller).set(roller(0.5));
      for (const angle of ALL4) {
        coverRegion(b, s, 'forehead', { angles: [angle] });
        coverRegion(b, s, 'cheek-left', { angles: [angle] });
      }
      b.step('aftercare-instructions');
      return b.build();
    },
  },
  {
    name: 'roller-local-infection-perioral',
    description: 'Active labial herpes around the mouth (6.3, local) and the perioral area is rolled anyway: critical.',
    passed: false,
    expected: [f('contra-local-infection:local-infection', '6.3', 'critical')],
    build: (s) => rollerSession(s, 'roller-local-infection-perioral', { region: 'perioral', needle: 0.5, drum: 10, patient: { ...NORMAL_CASE, id: 'case-herpes-active', conditions: [{ id: 'local-infection', regions: ['perioral'] }] } }),
  },
  {
    name: 'roller-new-product-no-trial',
    description: 'A serum the patient has never used, applied without a skin trial first (13.4).',
    passed: true,
    expected: [f('skin-trial', '13.4', 'major')],
    build: (s) => rollerSession(s, 'roller-new-product-no-trial', { region: 'forehead', needle: 0.5, patient: { ...NORMAL_CASE, id: 'case-new-serum', newProducts: ['growth-factor serum'] } }),
  },
  {
    name: 'rf-neck-no-suction',
    description: 'RF on two neck zones at 1.5 mm without suction on every pulse (9.6.6 says use a suction RF microneedle on the neck): major at the most extent, parameters under the floor; spot zones, no whole-region target (coverage not assessed).',
    passed: false,
    expected: [f('rf-suction-required:neck', '9.6.6', 'major')],
    build: (s) => {
      const r = rfSession(s, 'rf-neck-no-suction', { regions: ['neck', 'neck'], settings: { suction: false, depthMm: 1.5 }, spacing: 30 });
      r.goal.targetRegions = [];
      return r;
    },
  },
  {
    name: 'roller-preparation-skipped',
    description: 'Forehead session after consent only: no history (7.1), no examination (7.2), and 8.1 preparation without cleansing again and disinfection.',
    passed: false,
    expected: [f('history-before-treatment', '7.1', 'major'), f('examine-before-treatment', '7.2', 'major'), f('roller-preparation', '8.1', 'major')],
    build: (s) => rollerSession(s, 'roller-preparation-skipped', { region: 'forehead', needle: 0.5, pre: ['consent', 'cleanse', 'photograph', 'anaesthesia'] }),
  },
  {
    name: 'roller-preparation-out-of-order',
    description: 'Every step done, but examination before history (7.1-7.3) and photographs before cleansing (8.1).',
    passed: true,
    expected: [f('preparation-order', '7.1', 'minor'), f('roller-preparation-order', '8.1', 'minor')],
    build: (s) => rollerSession(s, 'roller-preparation-out-of-order', { region: 'forehead', needle: 0.5, pre: ['examine', 'take-history', 'consent', 'photograph', 'cleanse', 'anaesthesia', 'cleanse-again', 'disinfect'] }),
  },
  {
    name: 'roller-forehead-long-needle-partial',
    description: 'Forehead with a 1.5 mm needle (8.5.5: 0.5-1.0 mm), and only its middle rolled: coverage and the 米 pattern fall short (8.2).',
    passed: false,
    expected: [f('roller-needle-forehead:forehead', '8.5.5', 'critical'), f('roller-coverage:forehead', '8.2', 'major'), f('roller-cross-pattern:forehead', '8.2', 'major')],
    build: (s) => rollerSession(s, 'roller-forehead-long-needle-partial', { region: 'forehead', needle: 1.5, extent: 25 }),
  },
  {
    name: 'rf-pressing-without-tension',
    description: 'RF on both cheeks with suction, but pressing down (9.6.2) without tensioning the skin (9.6.3), and no product applied afterwards (9.4).',
    passed: true,
    expected: [
      f('rf-suction-no-press:cheek-left', '9.6.2', 'minor'),
      f('rf-suction-no-press:cheek-right', '9.6.2', 'minor'),
      f('rf-skin-tension:cheek-left', '9.6.3', 'minor'),
      f('rf-skin-tension:cheek-right', '9.6.3', 'minor'),
      f('rf-aftercare-product', '9.4', 'major'),
    ],
    build: (s) => rfSession(s, 'rf-pressing-without-tension', { regions: ['cheek-left', 'cheek-right'], tension: false, pressure: 0.6, after: ['aftercare-instructions'] }),
  },
  {
    name: 'rf-stacked-no-suction',
    description: 'RF on both cheeks without the recommended suction (9.6.1), pulses placed 6 mm apart with a 10 mm tip so most skin is hit three or four times (13.10 stacking).',
    passed: false,
    expected: [
      f('rf-suction-recommended:cheek-left', '9.6.1', 'minor'),
      f('rf-suction-recommended:cheek-right', '9.6.1', 'minor'),
      f('rf-stacking:cheek-left', '13.10', 'major'),
      f('rf-stacking:cheek-right', '13.10', 'major'),
    ],
    build: (s) => rfSession(s, 'rf-stacked-no-suction', { regions: ['cheek-left', 'cheek-right'], settings: { suction: false }, spacing: 6 }),
  },
  {
    name: 'rf-cheeks-good',
    description: 'RF on both cheeks in two zones, 1.5 mm, suction, perpendicular, tension, per-zone preparation, aftercare.',
    passed: true,
    expected: [],
    build: (s) => rfSession(s, 'rf-cheeks-good', { regions: ['cheek-left', 'cheek-right'] }),
  },
  {
    name: 'rf-missed-and-tilted',
    description: 'RF cheeks with a block of skipped pulses (9.3 no-miss) and a tilted handpiece on many pulses (9.6.3).',
    passed: true,
    expected: [f('rf-no-miss:cheek-left', '9.3', 'major'), f('rf-perpendicular', '9.6.3', 'major')],
    build: (s) => rfSession(s, 'rf-missed-and-tilted', { regions: ['cheek-left', 'cheek-right'], skip: (i) => i >= 8 && i < 16, tiltDeg: (i) => (i % 3 === 0 ? 30 : 0) }),
  },
  {
    name: 'rf-periocular-monopolar-deep',
    description: 'RF on the left periorbital area and left zygoma at 2.0 mm without bipolar mode (9.6.4: bipolar, 0.5-1.5 mm) on every pulse: too deep on thin periocular skin, monopolar on most of it and too deep on all of the zygoma are each critical. The narrow, curved periorbital ring around the open eye is left about 6 % untreated by 6 mm tips 5.5 mm apart: no-miss (9.3), major.',
    passed: false,
    expected: [f('rf-depth-periocular:periorbital-left', '9.6.4', 'critical'), f('rf-bipolar-periocular:periorbital-left', '9.6.4', 'critical'), f('rf-depth-face:zygoma-left', '9.6.5', 'critical'), f('rf-no-miss:periorbital-left', '9.3', 'major')],
    build: (s) => rfSession(s, 'rf-periocular-monopolar-deep', { regions: ['periorbital-left', 'zygoma-left'], settings: { depthMm: 2.0, bipolar: false, tipSizeMm: 6 }, spacing: 5.5 }),
  },
  {
    name: 'rf-reused-tip-thin-skin',
    description: 'Thin-skinned patient at full power (9.7); the first zone\'s tip is used again in a third zone (9.5).',
    passed: true,
    expected: [f('rf-thin-skin-energy', '9.7', 'minor'), f('rf-single-use-tip', '9.5', 'major')],
    build: (s) => rfSession(s, 'rf-reused-tip-thin-skin', { regions: ['cheek-left', 'cheek-right', 'forehead'], settings: { powerW: 20, depthMm: 1.0 }, patient: { ...NORMAL_CASE, id: 'case-thin', skinType: 'thin' }, tipIds: (z) => (z === 1 ? 'tip-002' : 'tip-001') }),
  },
  {
    name: 'rf-no-zone-prep-one-zone',
    description: 'RF on the forehead as a single zone (9.2: 2-5 zones) without removing the anaesthetic, cleansing and disinfecting the zone.',
    passed: false,
    expected: [f('rf-zone-count', '9.2', 'major'), f('rf-zone-preparation:zone-1', '9.2', 'major')],
    build: (s) => rfSession(s, 'rf-no-zone-prep-one-zone', { regions: ['forehead'], settings: { depthMm: 1.0 }, zonePrep: false }),
  },
  {
    name: 'nano-forehead-good',
    description: 'Nano point-lift on the forehead: product first, 1.5 s contacts, once per site, 20 min wet compress, needle disposed.',
    passed: true,
    expected: [],
    build: (s) => nanoSession(s, 'nano-forehead-good', { region: 'forehead' }),
  },
  {
    name: 'nano-dwell-and-circling',
    description: 'Nano on the left cheek with 4 s contacts (10.5 dwell) drawn in circles (10.5 no circling).',
    passed: false,
    expected: [f('nano-dwell:cheek-left', '10.5', 'major'), f('nano-circling:cheek-left', '10.5', 'major')],
    build: (s) => nanoSession(s, 'nano-dwell-and-circling', { region: 'cheek-left', dwellMs: 4000, circle: true, spacing: 14 }),
  },
  {
    name: 'nano-scalp-sliding-repeated',
    description: 'Sliding on hair-bearing scalp (10.4) and the same sites worked four times (10.5).',
    passed: false,
    expected: [f('nano-sliding-not-allowed:scalp', '10.4', 'major'), f('nano-times-per-site:scalp', '10.5', 'major')],
    build: (s) => {
      const r = nanoSession(s, 'nano-scalp-sliding-repeated', { region: 'scalp', technique: 'sliding', repeats: 4, patient: { ...NORMAL_CASE, id: 'case-scalp', hairBearingScalp: true }, spacing: 40 });
      r.goal.targetRegions = [];
      return r;
    },
  },
  {
    name: 'nano-disinfect-before-cleansing',
    description: 'Nano on the right cheek with the skin disinfected before make-up removal and cleansing (10.1 order) and the used needle not disposed of (10.7).',
    passed: true,
    expected: [f('nano-preparation-order', '10.1', 'minor'), f('nano-dispose', '10.7', 'major')],
    build: (s) =>
      nanoSession(s, 'nano-disinfect-before-cleansing', {
        region: 'cheek-right',
        pre: ['take-history', 'examine', 'consent', 'disinfect', 'remove-makeup', 'cleanse', 'photograph', 'mount-needle', 'apply-product'],
        after: ['wet-compress', 'aftercare-instructions'],
        spacing: 12,
      }),
  },
  {
    name: 'nano-no-cleansing-no-mount',
    description: 'Nano on the forehead without removing make-up or disinfecting (10.1) and without recording the needle mounted on the instrument (10.2).',
    passed: true,
    expected: [f('nano-preparation', '10.1', 'major'), f('nano-mount-needle', '10.2', 'minor')],
    build: (s) => nanoSession(s, 'nano-no-cleansing-no-mount', { region: 'forehead', pre: ['take-history', 'examine', 'consent', 'cleanse', 'photograph', 'apply-product'], spacing: 14 }),
  },
  {
    name: 'nano-no-product-short-compress',
    description: 'Nano on the chin with no product applied first (10.3) and a 10-minute wet compress (10.6: 20 min).',
    passed: true,
    expected: [f('nano-product-first', '10.3', 'major'), f('nano-wet-compress', '10.6', 'major')],
    build: (s) => nanoSession(s, 'nano-no-product-short-compress', { region: 'chin', pre: PRE_STEPS.nano.filter((x) => x !== 'apply-product'), wetMin: 10 }),
  },
];

