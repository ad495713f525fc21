// Building blocks for hand-built session recordings on the real surface (scripts/build-fixtures.ts,
// benchmarks and property tests): strokes and pulses are traced ON the surface, so every point carries the
// surface normal and region and fixtures can be regenerated when the head model changes.

import type { RegionId } from '../core/anatomy/regions';
import { regionCentre, samplePath, tracePath, type SurfacePoint } from '../core/geometry/surface-walk';
import { RECORDING_FORMAT, RECORDING_VERSION, type DeviceSettings, type EndpointDeclaration, type InputSample, type NanoContact, type PatientCase, type Procedure, type Recording, type RfPulse, type SessionGoal, type StepEvent, type StepId, type Vec3, type Zone } from '../core/recording/types';
import type { TreatmentSurface } from '../core/surface/surface';

export const PRE_STEPS: Record<Procedure, StepId[]> = {
  roller: ['take-history', 'examine', 'consent', 'cleanse', 'photograph', 'anaesthesia', 'cleanse-again', 'disinfect'],
  rf: ['take-history', 'examine', 'consent', 'cleanse', 'photograph', 'anaesthesia'],
  nano: ['take-history', 'examine', 'consent', 'remove-makeup', 'cleanse', 'photograph', 'disinfect', 'mount-needle', 'apply-product'],
};

export const NORMAL_CASE: PatientCase = { id: 'case-normal', skinType: 'normal', conditions: [], age: 32, sex: 'female', fitzpatrick: 3 };

/** Assembles a recording; times are ms from session start. */
export class SessionBuilder {
  t = 0;
  steps: StepEvent[] = [];
  settings: { tMs: number; settings: DeviceSettings }[] = [];
  samples: InputSample[] = [];
  pulses: RfPulse[] = [];
  contacts: NanoContact[] = [];
  endpoints: EndpointDeclaration[] = [];

  constructor(
    readonly id: string,
    readonly procedure: Procedure,
    readonly goal: SessionGoal,
    readonly patient: PatientCase = NORMAL_CASE,
    readonly zones: Zone[] = [],
  ) {}

  step(step: StepId, extra: Partial<StepEvent> = {}, gapMs = 5000): this {
    this.steps.push({ step, tMs: this.t, ...extra });
    this.t += gapMs;
    return this;
  }

  stepsOf(list: StepId[]): this {
    for (const s of list) this.step(s);
    return this;
  }

  /** The trainee declares the endpoint reached in these regions (8.4), now. */
  endpoint(regions: RegionId[], gapMs = 2000): this {
    this.endpoints.push({ tMs: this.t, regions: [...regions] });
    this.t += gapMs;
    return this;
  }

  set(settings: DeviceSettings): this {
    this.settings.push({ tMs: this.t, settings });
    return this;
  }

  addSamples(samples: InputSample[]): this {
    for (const s of samples) this.samples.push(s);
    if (samples.length) this.t = Math.ceil(samples[samples.length - 1].tMs) + 200;
    return this;
  }

  build(reason: 'completed' | 'aborted' = 'completed'): Recording {
    const endT = Math.max(this.t, ...this.contacts.map((c) => c.tEndMs));
    return {
      format: RECORDING_FORMAT,
      version: RECORDING_VERSION,
      id: this.id,
      startedAt: '2026-01-15T09:00:00.000Z',
      app: { name: 'fixture-builder', version: '1' },
      trainee: { id: 'trainee-fixture', name: 'Fixture Trainee', role: 'nurse' },
      procedure: this.procedure,
      mode: 'test',
      goal: this.goal,
      case: this.patient,
      zones: this.zones,
      steps: this.steps,
      settings: this.settings,
      samples: this.samples,
      pulses: this.pulses,
      contacts: this.contacts,
      ...(this.endpoints.length > 0 ? { endpoints: this.endpoints } : {}),
      end: { tMs: endT, reason },
    };
  }
}

export interface CoverOptions {
  /** Stroke angles in the skin frame (0 horizontal, 45 '/', 90 vertical, 135 '\'). */
  angles: number[];
  spacingMm?: number;
  pieceMm?: number;
  speedMmPerS?: number;
  rateHz?: number;
  pressure?: number | ((i: number) => number);
  skinTension?: boolean;
  /** Regions strokes may touch; samples elsewhere are lifts. Default: the covered regions. */
  allowed?: RegionId[];
  /** Rounds: repeats of the whole angle set. */
  rounds?: number;
  /** Gap between strokes, ms. */
  gapMs?: number;
  /** Largest distance from the centre strokes reach, mm. */
  maxExtentMm?: number;
  /** Shortest run inside the allowed regions that is rolled, mm. */
  minRunMm?: number;
}

function regionRadiusMm(surface: TreatmentSurface, region: RegionId, c: SurfacePoint): number {
  const code = surface.regionIds.indexOf(region);
  let r = 0;
  for (let v = 0; v < surface.vertexRegion.length; v++) {
    if (surface.vertexRegion[v] !== code) continue;
    r = Math.max(r, Math.hypot(surface.positions[v * 3] - c.p[0], surface.positions[v * 3 + 1] - c.p[1], surface.positions[v * 3 + 2] - c.p[2]));
  }
  return r;
}

/** Parallel strokes over a region in each angle, clipped to the allowed regions, as samples starting at b.t. */
export function coverRegion(b: SessionBuilder, surface: TreatmentSurface, region: RegionId, o: CoverOptions, centre?: SurfacePoint): void {
  const c = centre ?? regionCentre(surface, region);
  const extent = Math.min(o.maxExtentMm ?? 90, regionRadiusMm(surface, region, c) + 4);
  const spacing = o.spacingMm ?? 12;
  const piece = o.pieceMm ?? 30;
  const allowed = new Set<RegionId>(o.allowed ?? [region]);
  let strokeIndex = 0;
  for (let round = 0; round < (o.rounds ?? 1); round++) {
    for (const angle of o.angles) {
      // Line midpoints: walk across the stroke direction from the centre, both ways.
      const mids: SurfacePoint[] = [c];
      for (const side of [90, -90]) {
        const across = tracePath(surface, c.p, angle + side, extent);
        for (let k = 1; k * spacing <= extent; k++) {
          const at = Math.round((k * spacing) / 0.25);
          if (at >= across.length) break; // the walk ended (a rim or crease): no line beyond it
          mids.push(across[at]);
        }
      }
      for (const m of mids) {
        for (const dir of [0, 180]) {
          // Short pieces, each aimed anew in the local skin frame (as a hand keeps its direction on the head),
          // then cut into runs inside the allowed regions.
          let from = m.p as Vec3;
          for (let done = 0; done < extent - 1e-6; done += piece) {
            const seg = tracePath(surface, from, angle + dir, Math.min(piece, extent - done), true);
            from = seg[seg.length - 1].p;
            let run: SurfacePoint[] = [];
            const flush = () => {
              if ((run.length - 1) * 0.25 >= (o.minRunMm ?? 2)) {
                const pressure = typeof o.pressure === 'function' ? o.pressure(strokeIndex) : o.pressure;
                const pts = dir === 180 ? run.slice().reverse() : run;
                b.addSamples(samplePath(pts, { speedMmPerS: o.speedMmPerS ?? 80, rateHz: o.rateHz ?? 60, t0Ms: b.t, pressure, skinTension: o.skinTension }));
                b.t += o.gapMs ?? 100;
                strokeIndex++;
              }
              run = [];
            };
            for (const p of seg) {
              if (allowed.has(p.region)) run.push(p);
              else flush();
            }
            flush();
          }
        }
      }
    }
  }
}

/** Points on a surface grid around a region centre (rows walked along the surface), inside `allowed`. */
export function surfaceGrid(surface: TreatmentSurface, region: RegionId, spacingMm: number, allowed?: RegionId[], centre?: SurfacePoint, fillGaps = false): SurfacePoint[] {
  const c = centre ?? regionCentre(surface, region);
  const extent = Math.min(90, regionRadiusMm(surface, region, c) + spacingMm);
  const ok = new Set<RegionId>(allowed ?? [region]);
  const out: SurfacePoint[] = [];
  const rowStarts: SurfacePoint[] = [c];
  for (const side of [90, -90]) {
    const col = tracePath(surface, c.p, side, extent);
    // A walk can end before `extent` (at a rim or crease): points past its end are not there, rather than
    // all piled onto its last point (which would stack pulses the session never meant to stack).
    for (let k = 1; k * spacingMm <= extent; k++) {
      const at = Math.round((k * spacingMm) / 0.25);
      if (at >= col.length) break;
      rowStarts.push(col[at]);
    }
  }
  // Rows walked along a curved surface converge; a practitioner spacing pulses evenly never fires two much
  // closer than the spacing, so a point within half the spacing of one already placed is left out.
  const minGapMm = 0.5 * spacingMm;
  const add = (p: SurfacePoint) => {
    if (!ok.has(p.region)) return;
    for (const q of out) if (Math.hypot(p.p[0] - q.p[0], p.p[1] - q.p[1], p.p[2] - q.p[2]) < minGapMm) return;
    out.push(p);
  };
  for (const r of rowStarts) {
    add(r);
    for (const side of [0, 180]) {
      const row = tracePath(surface, r.p, side, extent);
      for (let k = 1; k * spacingMm <= extent; k++) {
        const at = Math.round((k * spacingMm) / 0.25);
        if (at >= row.length) break;
        add(row[at]);
      }
    }
  }
  if (!fillGaps) return out;
  // A square pattern leaves its cell centres 0.71 × the spacing from the nearest point, inside a tip as wide as
  // the spacing: only skin farther than that is a gap.
  const fillBeyondMm = 0.75 * spacingMm;
  // Where the rows diverge they leave gaps. An RF session must leave none (9.3): the region's skin vertex
  // farthest from every point gets one, again and again, until none is a gap (farthest
  // first keeps the added footprints from piling onto the rows; vertex order breaks ties).
  const code = surface.regionIds.indexOf(region);
  const pos = surface.positions;
  const nrm = surface.normals;
  const verts: number[] = [];
  for (let v = 0; v < surface.vertexRegion.length; v++) if (surface.vertexRegion[v] === code && !surface.notSkin?.[v]) verts.push(v);
  const gap = verts.map((v) => Math.min(Infinity, ...out.map((q) => Math.hypot(pos[v * 3] - q.p[0], pos[v * 3 + 1] - q.p[1], pos[v * 3 + 2] - q.p[2]))));
  for (;;) {
    let far = -1;
    for (let i = 0; i < verts.length; i++) if (gap[i] > fillBeyondMm && (far < 0 || gap[i] > gap[far])) far = i;
    if (far < 0) break;
    const v = verts[far];
    const p: Vec3 = [pos[v * 3], pos[v * 3 + 1], pos[v * 3 + 2]];
    out.push({ p, n: [nrm[v * 3], nrm[v * 3 + 1], nrm[v * 3 + 2]], region, vertex: v });
    for (let i = 0; i < verts.length; i++) {
      const w = verts[i];
      gap[i] = Math.min(gap[i], Math.hypot(pos[w * 3] - p[0], pos[w * 3 + 1] - p[1], pos[w * 3 + 2] - p[2]));
    }
  }
  return out;
}

export function neg(v: Vec3): Vec3 {
  return [-v[0] || 0, -v[1] || 0, -v[2] || 0];
}

/** Tilts an axis by `deg` toward +Y (or +X near the poles), keeping it unit. */
export function tilt(axis: Vec3, deg: number): Vec3 {
  const a = (deg * Math.PI) / 180;
  const up: Vec3 = Math.abs(axis[1]) > 0.9 ? [1, 0, 0] : [0, 1, 0];
  const d = up[0] * axis[0] + up[1] * axis[1] + up[2] * axis[2];
  let px = up[0] - d * axis[0], py = up[1] - d * axis[1], pz = up[2] - d * axis[2];
  const l = Math.hypot(px, py, pz) || 1;
  px /= l;
  py /= l;
  pz /= l;
  const r = (v: number) => Math.round(v * 1e4) / 1e4;
  return [r(Math.cos(a) * axis[0] + Math.sin(a) * px), r(Math.cos(a) * axis[1] + Math.sin(a) * py), r(Math.cos(a) * axis[2] + Math.sin(a) * pz)];
}
