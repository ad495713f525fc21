// The head as a signed distance field, in the head frame: mm, +X patient's left, +Y superior,
// +Z anterior. Origin: the midpoint between the two tragions (see docs/head-model.md), so the ear
// canals sit on the X axis and the face looks down +Z.
//
// Proportions follow an adult Han Chinese woman (anthropometry.md, Chinese female column): the
// construction points below are placed so that the measured landmark distances on the zero surface
// land near those means. Bilateral features are built on |x|, so the field is exactly mirror-symmetric.

// Primitives live in this module (not imported) so that hot calls stay plain local calls under
// transpilers that turn imports into property getters.

// Scalar signed-distance primitives and blends, negative inside. The ellipsoid and tapered capsule are
// the usual bounded approximations (exact on the axes, close elsewhere): good enough for a blended
// organic shape whose zero set is what we mesh.

export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

export function smoothstep(e0: number, e1: number, x: number): number {
  const t = clamp((x - e0) / (e1 - e0), 0, 1);
  return t * t * (3 - 2 * t);
}

/** Polynomial smooth minimum (union) with blend radius k mm. */
export function smin(a: number, b: number, k: number): number {
  const h = Math.max(k - Math.abs(a - b), 0) / k;
  return Math.min(a, b) - (h * h * k) / 4;
}

/** Smooth maximum (intersection); smax(a, -b, k) is a smooth subtraction of b from a. */
export function smax(a: number, b: number, k: number): number {
  return -smin(-a, -b, k);
}

/** Ellipsoid centred at (cx, cy, cz) with semi-axes (rx, ry, rz) along x, y, z. */
export function sdEllipsoid(
  x: number,
  y: number,
  z: number,
  cx: number,
  cy: number,
  cz: number,
  rx: number,
  ry: number,
  rz: number,
): number {
  const px = (x - cx) / rx;
  const py = (y - cy) / ry;
  const pz = (z - cz) / rz;
  const k0 = Math.sqrt(px * px + py * py + pz * pz);
  const qx = px / rx;
  const qy = py / ry;
  const qz = pz / rz;
  const k1 = Math.sqrt(qx * qx + qy * qy + qz * qz);
  if (k1 === 0) return -Math.min(rx, ry, rz);
  return (k0 * (k0 - 1)) / k1;
}

/** Capsule from a to b whose radius goes linearly from ra to rb. */
export function sdTaperedCapsule(
  x: number,
  y: number,
  z: number,
  ax: number,
  ay: number,
  az: number,
  bx: number,
  by: number,
  bz: number,
  ra: number,
  rb: number,
): number {
  const abx = bx - ax;
  const aby = by - ay;
  const abz = bz - az;
  const apx = x - ax;
  const apy = y - ay;
  const apz = z - az;
  const t = clamp((apx * abx + apy * aby + apz * abz) / (abx * abx + aby * aby + abz * abz), 0, 1);
  const dx = apx - abx * t;
  const dy = apy - aby * t;
  const dz = apz - abz * t;
  return Math.sqrt(dx * dx + dy * dy + dz * dz) - (ra + (rb - ra) * t);
}

export type Vec3 = [number, number, number];

export function normalize(v: Vec3): Vec3 {
  const l = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / l, v[1] / l, v[2] / l];
}

export function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}


/** Smooth profile through knots [y, value] (y descending): Catmull-Rom, so no creases at the knots. */
function profile(table: readonly (readonly [number, number])[], y: number): number {
  const n = table.length;
  if (y >= table[0][0]) return table[0][1];
  if (y <= table[n - 1][0]) return table[n - 1][1];
  let i = 1;
  while (y < table[i][0]) i++;
  const [y0, v0] = table[i - 1];
  const [y1, v1] = table[i];
  const slope = (a: number, b: number) => (table[b][1] - table[a][1]) / (table[b][0] - table[a][0]);
  // Flat at the end knots, so the profile joins the constant beyond them without a crease.
  const m0 = i - 1 > 0 ? slope(i - 2, i) : 0;
  const m1 = i + 1 < n ? slope(i - 1, i + 1) : 0;
  const h = y1 - y0;
  const t = (y - y0) / h;
  const t2 = t * t;
  const t3 = t2 * t;
  return (2 * t3 - 3 * t2 + 1) * v0 + (t3 - 2 * t2 + t) * h * m0 + (-2 * t3 + 3 * t2) * v1 + (t3 - t2) * h * m1;
}

function sphereGap(x: number, y: number, z: number, cx: number, cy: number, cz: number, r: number): number {
  const dx = x - cx;
  const dy = y - cy;
  const dz = z - cz;
  return Math.sqrt(dx * dx + dy * dy + dz * dz) - r;
}

/** Construction points of the shape (not the measured landmarks: those are found on the mesh). */
export const HEAD_SHAPE = {
  // Palpebral fissure: medial and lateral canthus (patient's left; right is mirrored).
  endocanthion: [19.2, 22, 77] as Vec3,
  exocanthion: [44.2, 23.5, 63] as Vec3,
  eyeCentre: [31.5, 22, 63.5] as Vec3,
  cheilion: [24.6, -42, 82] as Vec3,
  /** Lateral pole of the ala ellipsoid (see nose()). */
  alarePole: [18.3, -16.5, 88] as Vec3,
  /** Mouth line height at the midline. */
  stomionY: -41.3,
  /** Where the bust is cut and closed: below the clavicles, through the upper chest and back. */
  neckCutY: -246,
  /** The root of the neck in front (the level of the clavicles and the suprasternal notch): the neck, as
   *  a treatment region, ends here; below is the chest and the shoulders, not treated on this model. */
  neckBaseY: -150,
};

// Ear frame (left ear; the right is mirrored): the ear plane leans out behind (auriculocephalic angle)
// and its long axis tilts back from vertical, as in real ears.
const EAR_CENTRE: Vec3 = [72, 3, -14];
const EAR_FLARE_RAD = (20 * Math.PI) / 180;
const EAR_TILT_RAD = (15 * Math.PI) / 180;
const EAR_N: Vec3 = normalize([Math.cos(EAR_FLARE_RAD), 0, Math.sin(EAR_FLARE_RAD)]);
const EAR_BACK: Vec3 = normalize([Math.sin(EAR_FLARE_RAD), 0, -Math.cos(EAR_FLARE_RAD)]);
const EAR_UP: Vec3 = normalize([
  EAR_BACK[0] * Math.sin(EAR_TILT_RAD),
  Math.cos(EAR_TILT_RAD),
  EAR_BACK[2] * Math.sin(EAR_TILT_RAD),
]);
const EAR_ACROSS: Vec3 = cross(EAR_UP, EAR_N); // toward the back of the ear, in its plane

function earPoint(u: number, v: number, w: number): Vec3 {
  return [0, 1, 2].map((c) => EAR_CENTRE[c] + u * EAR_UP[c] + v * EAR_ACROSS[c] + w * EAR_N[c]) as Vec3;
}
/** The tragion: the notch at the front edge of the auricle, 2 mm below the ear's centre (left ear). */
export const EAR_TRAGION_CONSTRUCTION: Vec3 = earPoint(-2, -14.5, 0);
/** The ear's centre and frame, for labelling (left ear). */
export const EAR_FRAME = { centre: EAR_CENTRE, up: EAR_UP, across: EAR_ACROSS, normal: EAR_N };

/** The left auricle's own field (x mirrored to |x|). */
export function earSdf(ax: number, y: number, z: number): number {
  const dx = ax - EAR_CENTRE[0];
  const dy = y - EAR_CENTRE[1];
  const dz = z - EAR_CENTRE[2];
  const u = dx * EAR_UP[0] + dy * EAR_UP[1] + dz * EAR_UP[2]; // along the ear's length
  const v = dx * EAR_ACROSS[0] + dy * EAR_ACROSS[1] + dz * EAR_ACROSS[2]; // front (-) to back (+)
  const w = dx * EAR_N[0] + dy * EAR_N[1] + dz * EAR_N[2]; // out of the head
  // Auricle: an egg, wider at the top, lobule below.
  const widthHalf = 16 - 4 * smoothstep(5, -28, u);
  const plate = sdEllipsoid(u, v, w, 1, 1, 3, 30, widthHalf, 6);
  // Helix: a rolled rim following the outline; concha: a bowl in front of the middle.
  const outline = sdEllipsoid(u, v, 0, 2, 1.5, 0, 26.5, widthHalf - 3.2, 1);
  const rimShape = Math.hypot(outline, (w - 4.5) * 0.8) - 2.8;
  let d = smin(plate, rimShape, 2.5);
  // Scapha and triangular fossa: the shallow trough inside the rim, above and behind.
  const fossa = sdEllipsoid(u, v, w, 13, 3, 8.5, 11, 8, 4.5);
  d = smax(d, -fossa, 2);
  // Antihelix: a Y-shaped ridge from above the antitragus, forking into the two crura.
  let antihelix = sdTaperedCapsule(u, v, w, -12, 6, 5.2, 7, 5, 5.6, 2.2, 2.2);
  antihelix = smin(antihelix, sdTaperedCapsule(u, v, w, 7, 5, 5.6, 19, -3, 5.2, 2.2, 1.8), 2);
  antihelix = smin(antihelix, sdTaperedCapsule(u, v, w, 7, 5, 5.6, 12, -10, 5.0, 2.0, 1.6), 2);
  d = smin(d, antihelix, 2);
  // Concha: the deep bowl in front of the antihelix leading to the ear canal.
  const concha = sdEllipsoid(u, v, w, -4, -3, 9, 10, 7.5, 7);
  d = smax(d, -concha, 2.5);
  // Tragus and antitragus: the small flaps in front of and below the concha.
  d = smin(d, sdEllipsoid(u, v, w, -5, -13, 4.5, 5, 3, 3), 2);
  d = smin(d, sdEllipsoid(u, v, w, -14, 3, 5, 3.5, 4, 2.6), 2);
  // Keep the inner side flat against the head.
  return Math.max(d, -w - 2);
}

function neck(x: number, y: number, z: number): number {
  // Elliptic neck column, then the shoulders and the top of the chest and back, cut well below the
  // clavicles and rounded there like a bust, so the model ends as a body does and not as a stand.
  const rx = 52;
  const rz = 46;
  const ex = x / rx;
  const ez = (z + 12) / rz;
  let d = smax((Math.sqrt(ex * ex + ez * ez) - 1) * Math.min(rx, rz), y - -10, 6);
  // Shoulder girdle: rounded shoulders from the root of the neck out to the deltoids.
  // Trapezius: sloping from the side of the neck down to the point of the shoulder.
  const shoulders = sdTaperedCapsule(x, y, z, 0, -150, -24, 122, -192, -20, 38, 34);
  const trunk = sdEllipsoid(x, y, z, 0, -228, -14, 132, 64, 76);
  d = smin(d, smin(shoulders, trunk, 34), 40);
  return smax(d, HEAD_SHAPE.neckCutY - y, 14);
}

// Face block: a horizontal ellipse swept down the face, its half-width and frontal depth varying
// with height; cut below along the jaw line (rising toward the gonial angle) and behind at the ramus.
const FACE_HALF_WIDTH: readonly (readonly [number, number])[] = [
  [40, 58],
  [12, 63],
  [-20, 61],
  [-45, 57],
  [-65, 52],
];
const FACE_FRONT_Z: readonly (readonly [number, number])[] = [
  [40, 86],
  [12, 86],
  [-18, 92],
  [-36, 92],
  [-52, 85],
  [-75, 83],
];
const FACE_CENTRE_Z = 8;

function faceBlock(x: number, y: number, z: number): number {
  const rx = profile(FACE_HALF_WIDTH, y);
  const rz = profile(FACE_FRONT_Z, y) - FACE_CENTRE_Z;
  const ex = x / rx;
  const ez = (z - FACE_CENTRE_Z) / rz;
  let d = (Math.sqrt(ex * ex + ez * ez) - 1) * Math.min(rx, rz);
  const jawY = -57 - 27 * smoothstep(-5, 78, z) - 3 * smoothstep(40, 0, Math.abs(x));
  d = smax(d, jawY - y, 9);
  d = smax(d, -8 - z, 8);
  d = smax(d, y - 42, 16);
  return d;
}

/** The nostril openings' cavity (x mirrored to |x|). */
export function nostrilSdf(ax: number, y: number, z: number): number {
  // Open below and reaching up into the tip (vestibules), tilted toward the tip.
  return sdEllipsoid(ax, y + (z - 95) * 0.3, z, 6.4, -20, 96, 3.4, 4.6, 5.6);
}

function nose(x: number, y: number, z: number, ax: number): number {
  // Dorsum from the root to the tip, widening downward; the base is blended into the face.
  let d = sdTaperedCapsule(x, y, z, 0, 33, 83, 0, -7, 100, 4.5, 7.5);
  d = smin(d, sdEllipsoid(x, y, z, 0, -12.5, 100, 8.5, 7.5, 9.5), 5);
  // Alae: the wings at the nasal base.
  d = smin(d, sdEllipsoid(ax, y, z, 11.5, -16.5, 88, 6.8, 6.5, 8), 4);
  // Side walls: a wedge from the dorsum to the cheeks.
  d = smin(d, sdEllipsoid(ax, y, z, 7, -1, 84, 9, 19, 9), 6);
  // Nostrils: openings under the tip, tilted up toward the tip.
  d = smax(d, -nostrilSdf(ax, y, z), 1.2);
  return d;
}

/** Height of the closed-lid line at |x| = ax (clamped to the canthi): a gentle downward arc. */
export function lidLineY(ax: number): number {
  const [enx, eny] = HEAD_SHAPE.endocanthion;
  const [exx, exy] = HEAD_SHAPE.exocanthion;
  const t = clamp((ax - enx) / (exx - enx), 0, 1);
  return eny + (exy - eny) * t - 3.2 * Math.sin(Math.PI * t);
}

/** Height of the mouth line at |x| = ax. */
export function mouthLineY(ax: number): number {
  return HEAD_SHAPE.stomionY + (ax / 25) * (ax / 25) * 0.8;
}

/** A soft furrow profile: depth at the centre line, falling smoothly to 0 at halfWidth. */
function furrow(distance: number, halfWidth: number, depth: number): number {
  const t = distance / halfWidth;
  if (t >= 1) return 0;
  const u = 1 - t * t;
  return depth * u * u;
}

/** The globe (left eye; the right is mirrored): an adult eyeball of about 24 mm, set in the orbit so that
 *  the lids drape over its front. */
export const GLOBE = { centre: [31.5, 22.6, 63] as Vec3, radiusMm: 12 };
/** Lid skin thickness over the globe, mm (the lid margins are this thick where the fissure opens). */
const LID_THICKNESS_MM = 1.7;
/** How far inside the globe the skin surface lies within the open fissure, mm. */
export const GLOBE_SKIN_INSET_MM = 1.0;
/** How far inside the globe the drawn eyeball's surface lies, mm: lid margins thinned by the fissure's
 *  rounding near the canthi still cover it, so the margin never shows the eyeball through it. */
export const EYEBALL_DRAWN_INSET_MM = 0.35;

/** Upper and lower lid margins of the open palpebral fissure at |x| = ax (relaxed gaze, about 10 mm high). */
export function lidMargins(ax: number): { upper: number; lower: number; t: number } {
  const [enx] = HEAD_SHAPE.endocanthion;
  const [exx] = HEAD_SHAPE.exocanthion;
  const t = clamp((ax - enx) / (exx - enx), 0, 1);
  const line = lidLineY(ax) + 3.2 * Math.sin(Math.PI * t); // straight canthus-to-canthus line
  // The upper margin peaks a little medial of centre, the lower margin's lowest point lies lateral of it.
  const up = Math.sin(Math.PI * Math.pow(t, 0.85));
  const down = Math.sin(Math.PI * Math.pow(t, 1.25));
  return { upper: line + 7 * Math.pow(up, 0.75), lower: line - 3.6 * Math.pow(down, 0.9), t };
}

/** Signed distance (frontal plane, mm) to the open fissure's outline: negative inside the almond. */
export function fissure2d(ax: number, y: number): number {
  const [enx] = HEAD_SHAPE.endocanthion;
  const [exx] = HEAD_SHAPE.exocanthion;
  const { upper, lower } = lidMargins(ax);
  const vertical = Math.max(y - upper, lower - y);
  const beyond = Math.max(enx - ax, ax - exx);
  if (beyond > 0) return Math.hypot(beyond, Math.max(vertical, 0));
  return Math.max(vertical, beyond);
}

/** Signed distance to the left globe (x mirrored to |x|). */
export function globeSdf(ax: number, y: number, z: number): number {
  const [gx, gy, gz] = GLOBE.centre;
  return Math.hypot(ax - gx, y - gy, z - gz) - GLOBE.radiusMm;
}

function eyeRegion(d: number, ax: number, y: number, z: number): number {
  const [ecx, ecy, ecz] = HEAD_SHAPE.eyeCentre;
  // Orbit: a shallow hollow under the brow and beside the nose.
  const orbit = sdEllipsoid(ax, y, z, ecx, ecy + 2, ecz + 15, 16, 12, 4.5);
  d = smax(d, -orbit, 10);
  // Lids: skin draped over the globe, a shell of lid thickness, blended into the orbit.
  const globe = globeSdf(ax, y, z);
  d = smin(d, globe - LID_THICKNESS_MM, 5);
  // The open fissure: lid skin removed inside the almond down to the globe, so the lid margins meet it.
  // The skin under the fissure lies a little inside the globe, so the drawn eyeball (at the globe's
  // radius) stands clear of it and meets the lid margins along a steep wall, not a grazing one.
  const opening = Math.max(fissure2d(ax, y), -(globe + GLOBE_SKIN_INSET_MM), globe - LID_THICKNESS_MM - 2.5, GLOBE.centre[2] + 2 - z);
  return smax(d, -opening, 2);
}

/** The vermilion of both lips. */
export function lipsSdf(x: number, y: number, z: number): number {
  // Vermilion rolls follow the dental arch (z falls off with x²).
  const arch = (x * x) / 45;
  const upper = sdEllipsoid(x, y, z + arch, 0, -37.2, 89.5, 23, 4.8, 7.4);
  const lower = sdEllipsoid(x, y, z + arch, 0, -46, 88.5, 21, 5.8, 7.6);
  return smin(upper, lower, 2);
}

// Features are only evaluated near their bounding spheres. The margin is well over the largest blend
// radius, because the approximate ellipsoid distance can read short of the true one: a feature skipped
// where it would still have blended in would leave a seam in the surface.
const CULL_MARGIN_MM = 30;

/** Signed distance (mm, negative inside) to the head surface at (x, y, z). */
export function headSdf(xIn: number, y: number, z: number): number {
  // Everything below sees |x|, so the field is bit-for-bit mirror-symmetric.
  const x = Math.abs(xIn);
  const ax = x;
  // Cranium, with a fuller, more upright frontal bone.
  // The cranium is egg-shaped seen from above: narrower at the front (frontal breadth) than at the parietal
  // eminences (euryon), so the temples fall in above the zygomatic arches.
  const frontNarrowing = 1 - 0.17 * smoothstep(-20, 85, z);
  let d = sdEllipsoid(x / frontNarrowing, y, z, 0, 42, 2, 76, 86, 88) * frontNarrowing;
  d = smin(d, sdEllipsoid(x, y, z, 0, 56, 28, 56, 48, 66), 12);
  // Brow ridge, curving back at the sides.
  d = smin(d, sdEllipsoid(ax, y, z + (ax * ax) / 70, 0, 38, 86, 46, 9.5, 11), 9);
  // Face block, cheekbones and zygomatic arches.
  d = smin(d, faceBlock(x, y, z), 14);
  if (sphereGap(ax, y, z, 55, 7, 30, 36) < d + CULL_MARGIN_MM) {
    d = smin(d, sdEllipsoid(ax, y, z, 50, 7, 45, 15, 10, 18), 16);
  }
  // Malar and buccal fat: fills the hollow under the cheekbone.
  d = smin(d, sdEllipsoid(ax, y, z, 43, -17, 53, 18, 20, 18), 18);
  // Masseter and the soft tissue in front of the ear, so the cheek runs smoothly back to the ear.
  d = smin(d, sdEllipsoid(ax, y, z, 51, -16, 14, 9, 22, 20), 18);
  // Side of the face between cheekbone and jaw: a broad, gentle mass so the cheek does not hollow.
  d = smin(d, sdEllipsoid(ax, y, z, 47, -18, 36, 13, 26, 28), 20);
  // Chin and the mentolabial sulcus.
  if (sphereGap(x, y, z, 0, -66, 80, 30) < d + CULL_MARGIN_MM) {
    d = smin(d, sdEllipsoid(x, y, z, 0, -71, 78, 21, 13, 12), 12);
    d = smax(d, -sdTaperedCapsule(x, y, z, -14, -57.5, 92.5, 14, -57.5, 92.5, 5, 5), 6);
  }
  // Lips and the mouth line between them.
  if (sphereGap(x, y, z, 0, -42, 84, 30) < d + CULL_MARGIN_MM) {
    d = smin(d, lipsSdf(x, y, z), 3);
    // Mouth line: a soft furrow from cheilion to cheilion, fading out just past the corners.
    const beyondCorner = Math.max(ax - HEAD_SHAPE.cheilion[0], 0);
    const distance = Math.hypot(y - mouthLineY(ax), beyondCorner * 1.5);
    d += furrow(distance, 2.8, 1.2) * smoothstep(60, 75, z);
  }
  // Nasal root: the soft saddle between the glabella and the dorsum (the nasion lies in it).
  d += furrow(Math.hypot(x * 0.75, y - 28), 13, 3.0) * smoothstep(65, 92, z);
  // Nose.
  if (sphereGap(x, y, z, 0, 3, 95, 38) < d + CULL_MARGIN_MM) d = smin(d, nose(x, y, z, ax), 3);
  // Orbits, globes and the open lids.
  if (sphereGap(ax, y, z, 31.5, 23, 70, 28) < Math.abs(d) + CULL_MARGIN_MM) d = eyeRegion(d, ax, y, z);
  // Ears.
  if (sphereGap(ax, y, z, EAR_CENTRE[0], EAR_CENTRE[1], EAR_CENTRE[2], 38) < d + CULL_MARGIN_MM) d = smin(d, earSdf(ax, y, z), 3);
  // Neck.
  return smin(d, neck(x, y, z), 24);
}

/** Bounding box of the zero set with a margin, mm. */
export const HEAD_BOUNDS = {
  min: [-184, HEAD_SHAPE.neckCutY - 4, -104] as Vec3,
  max: [184, 134, 124] as Vec3,
};
