import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { HEAD_REGION_IDS, type RegionId } from '../../../core/anatomy/regions';
import { checkClosedManifold, eulerCharacteristic, signedVolumeMm3 } from '../../../core/head-model/mesh-checks';
import { ACCEPT_WITHIN_SD, measureHead } from '../../../core/head-model/measure';
import { sha256Hex } from '../../../core/head-model/sha256';
import { uvWrapTriangles } from '../../../core/head-model/uv';
import { HEAD_VARIANT_IDS, HEAD_VARIANTS } from '../../../core/head-model/variants';
import { HEAD_META_PATHS, loadShippedHeadModel, readShippedHeadModelFiles } from '../../../core/node/head-model-file';

describe.each(HEAD_VARIANT_IDS)('shipped %s head model', (variant) => {
  const model = loadShippedHeadModel(variant);
  const { meta } = readShippedHeadModelFiles(undefined, variant);

  it('matches the hash recorded in its metadata, and says which head it is', () => {
    const bin = new Uint8Array(readFileSync(HEAD_META_PATHS[variant].replace(/\.json$/, '.bin')));
    expect(sha256Hex(bin)).toBe(meta.binary.sha256);
    expect(meta.variant).toBe(variant);
    expect(model.variant).toBe(variant);
  });

  it('is meshed finely enough for the small regions: about 150k triangles', () => {
    const triangles = model.indices.length / 3;
    expect(triangles).toBeGreaterThan(120_000);
    expect(triangles).toBeLessThan(200_000);
  });

  it('is closed, 2-manifold and consistently oriented, with the outside out', () => {
    const report = checkClosedManifold(model.indices);
    expect(report).toEqual({ boundaryEdges: 0, nonManifoldEdges: 0, misorientedEdges: 0, degenerateTriangles: 0 });
    // One connected closed surface of genus 0 (a sphere topologically): V - E + F = 2.
    expect(eulerCharacteristic(model.positions.length / 3, model.indices)).toBe(2);
    // Positive signed volume: counter-clockwise seen from outside. An adult head and neck (4-6 litres) with the
    // shoulders and the top of the chest and back the bust carries: 6-11 litres.
    const volumeL = signedVolumeMm3(model.positions, model.indices) / 1e6;
    expect(volumeL).toBeGreaterThan(6);
    expect(volumeL).toBeLessThan(11);
  });

  it('has unit normals that point outward (agree with the triangle winding)', () => {
    const n = model.normals;
    let disagree = 0;
    let worstUnitError = 0;
    for (let i = 0; i < n.length / 3; i++) worstUnitError = Math.max(worstUnitError, Math.abs(Math.hypot(n[i * 3], n[i * 3 + 1], n[i * 3 + 2]) - 1));
    expect(worstUnitError).toBeLessThan(1e-4);
    const p = model.positions;
    const idx = model.indices;
    for (let t = 0; t < idx.length; t += 3) {
      const [a, b, c] = [idx[t], idx[t + 1], idx[t + 2]];
      const ux = p[b * 3] - p[a * 3], uy = p[b * 3 + 1] - p[a * 3 + 1], uz = p[b * 3 + 2] - p[a * 3 + 2];
      const vx = p[c * 3] - p[a * 3], vy = p[c * 3 + 1] - p[a * 3 + 1], vz = p[c * 3 + 2] - p[a * 3 + 2];
      const fx = uy * vz - uz * vy, fy = uz * vx - ux * vz, fz = ux * vy - uy * vx;
      const sx = n[a * 3] + n[b * 3] + n[c * 3], sy = n[a * 3 + 1] + n[b * 3 + 1] + n[c * 3 + 1], sz = n[a * 3 + 2] + n[b * 3 + 2] + n[c * 3 + 2];
      if (fx * sx + fy * sy + fz * sz < 0) disagree++;
    }
    // A handful of slivers in tight creases may disagree; the surface as a whole must not.
    expect(disagree / (idx.length / 3)).toBeLessThan(0.002);
  });

  it('labels every vertex, and every head region is present', () => {
    expect([...model.regionIds]).toEqual([...HEAD_REGION_IDS]);
    const seen = new Set<number>(model.vertexRegion);
    for (let code = 0; code < HEAD_REGION_IDS.length; code++) expect(seen.has(code), HEAD_REGION_IDS[code]).toBe(true);
  });

  // Plausible area ranges per region, cm² (see docs/head-model.md for the reasoning).
  const AREA_RANGES_CM2: Record<string, [number, number]> = {
    forehead: [35, 110],
    temple: [8, 35],
    eyebrow: [3, 12],
    'upper-eyelid': [2.5, 10],
    'lower-eyelid': [2, 8],
    periorbital: [4, 16],
    nose: [12, 35],
    cheek: [20, 60],
    zygoma: [4, 15],
    nasolabial: [2.5, 10],
    perioral: [8, 30],
    mentolabial: [2, 10],
    chin: [8, 30],
    mandible: [15, 50],
    neck: [150, 500], // treatable neck only: from the jaw line to the root of the neck
    scalp: [400, 900],
    ear: [15, 45],
    eye: [2, 9], // the globe in the open fissure and the lid margins
    lips: [6, 20],
    nostrils: [0.3, 4],
  };
  const baseName = (id: RegionId) => id.replace(/-(left|right)$/, '');

  it('gives every region a plausible area', () => {
    for (const region of model.regions) {
      const range = AREA_RANGES_CM2[baseName(region.id)];
      expect(range, region.id).toBeDefined();
      expect(region.areaCm2, region.id).toBeGreaterThanOrEqual(range[0]);
      expect(region.areaCm2, region.id).toBeLessThanOrEqual(range[1]);
    }
    const face = model.regions.filter((r) => !['scalp', 'neck', 'ear-left', 'ear-right'].includes(r.id));
    const faceArea = face.reduce((sum, r) => sum + r.areaCm2, 0);
    // One face is roughly 3.5 % of body surface, about 560-670 cm² at 1.6-1.9 m² (anthropometry.md §3);
    // our face regions stop at the hairline and jaw line, so somewhat less.
    expect(faceArea).toBeGreaterThan(250);
    expect(faceArea).toBeLessThan(700);
  });

  it('has left and right region areas within 5 % of each other, mirrored centroids', () => {
    const byId = new Map(model.regions.map((r) => [r.id, r]));
    for (const region of model.regions) {
      if (!region.id.endsWith('-left')) continue;
      const right = byId.get(region.id.replace(/-left$/, '-right') as RegionId)!;
      expect(Math.abs(region.areaCm2 - right.areaCm2) / Math.max(region.areaCm2, right.areaCm2), region.id).toBeLessThan(0.05);
      expect(region.centroid[0]).toBeGreaterThan(0); // patient's left is +X
      expect(region.centroid[0] + right.centroid[0]).toBeCloseTo(0, 0);
    }
  });

  it('keeps the face at +Z and the origin between the tragions', () => {
    const lm = new Map(model.landmarks.map((l) => [l.id, l.p]));
    expect(lm.get('pronasale')![2]).toBeGreaterThan(90);
    expect(lm.get('opisthocranion')![2]).toBeLessThan(-70);
    expect(lm.get('vertex')![1]).toBeGreaterThan(100);
    const tl = lm.get('tragion-left')!;
    const tr = lm.get('tragion-right')!;
    for (let c = 0; c < 3; c++) expect(Math.abs((tl[c] + tr[c]) / 2)).toBeLessThan(0.02);
    expect(tl[0]).toBeGreaterThan(0);
  });

  it('has adult proportions within the documented accept rule (±2 SD of its Chinese reference)', () => {
    const measured = measureHead(model.landmarks, HEAD_VARIANTS[variant].reference);
    expect(measured.map((m) => m.id)).toEqual([
      'g-op', 'eu-eu', 'zy-zy', 'go-go', 'n-gn', 'n-sn', 'al-al', 'en-en', 'ex-ex', 'ch-ch', 'cephalic-index', 'canthal-index',
    ]);
    for (const m of measured) expect(m.withinSd, `${m.id} = ${m.measured.toFixed(2)} vs ${m.referenceMean} ± ${m.referenceSd}`).toBeLessThanOrEqual(ACCEPT_WITHIN_SD);
    // The figures in the metadata are the ones measured here.
    for (const m of measured) expect(meta.measurements.find((x) => x.id === m.id)!.measured).toBeCloseTo(m.measured, 2);
  });

  it('has UVs in [0, 1] with the crown at the centre and the face toward +v', () => {
    const { uvs, positions } = model;
    let outside = 0;
    for (let i = 0; i < uvs.length; i++) if (!(uvs[i] >= 0 && uvs[i] <= 1)) outside++;
    expect(outside).toBe(0);
    let top = 0;
    for (let i = 1; i < positions.length / 3; i++) if (positions[i * 3 + 1] > positions[top * 3 + 1]) top = i;
    expect(Math.hypot(uvs[top * 2] - 0.5, uvs[top * 2 + 1] - 0.5)).toBeLessThan(0.02);
    const tip = model.landmarks.find((l) => l.id === 'pronasale')!.p;
    let nearest = 0;
    let best = Infinity;
    for (let i = 0; i < positions.length / 3; i++) {
      const d = Math.hypot(positions[i * 3] - tip[0], positions[i * 3 + 1] - tip[1], positions[i * 3 + 2] - tip[2]);
      if (d < best) [best, nearest] = [d, i];
    }
    expect(uvs[nearest * 2 + 1]).toBeGreaterThan(0.7);
    expect(Math.abs(uvs[nearest * 2] - 0.5)).toBeLessThan(0.01);
  });

  it('keeps the UV singularity on the cap that closes the bust: the only wrapping triangles are there, and few', () => {
    const wraps = uvWrapTriangles(model.uvs, model.indices);
    expect(wraps.length).toBeGreaterThan(0); // the singular point exists and the check can see it
    expect(wraps.length).toBeLessThan(200);
    let minY = Infinity;
    for (let i = 1; i < model.positions.length; i += 3) minY = Math.min(minY, model.positions[i]);
    const neck = model.regionIds.indexOf('neck');
    let offCap = 0;
    for (const t of wraps) {
      for (let c = 0; c < 3; c++) {
        const v = model.indices[t * 3 + c];
        // On the flat cap, labelled neck and flagged as not treatable skin.
        if (!(model.positions[v * 3 + 1] < minY + 1) || model.vertexRegion[v] !== neck || model.notSkin[v] !== 1) offCap++;
      }
    }
    expect(offCap).toBe(0);
  });
});
