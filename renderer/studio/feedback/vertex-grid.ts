// A uniform grid over surface vertices for "which vertices lie within r mm of p" queries (drum and tip
// footprints). Built once per surface; queries visit only the cells the sphere touches.

export interface VertexGrid {
  /** Calls visit(v) for every vertex within radiusMm of (x, y, z). */
  forEachWithin(x: number, y: number, z: number, radiusMm: number, visit: (v: number) => void): void;
}

export function createVertexGrid(positions: Float32Array, cellMm = 4): VertexGrid {
  const count = positions.length / 3;
  const cells = new Map<number, number[]>();
  const key = (ix: number, iy: number, iz: number) => ((ix + 512) * 1024 + (iy + 512)) * 1024 + (iz + 512);
  for (let v = 0; v < count; v++) {
    const k = key(Math.floor(positions[v * 3] / cellMm), Math.floor(positions[v * 3 + 1] / cellMm), Math.floor(positions[v * 3 + 2] / cellMm));
    let list = cells.get(k);
    if (!list) cells.set(k, (list = []));
    list.push(v);
  }
  return {
    forEachWithin(x, y, z, radiusMm, visit) {
      const r2 = radiusMm * radiusMm;
      const x0 = Math.floor((x - radiusMm) / cellMm);
      const x1 = Math.floor((x + radiusMm) / cellMm);
      const y0 = Math.floor((y - radiusMm) / cellMm);
      const y1 = Math.floor((y + radiusMm) / cellMm);
      const z0 = Math.floor((z - radiusMm) / cellMm);
      const z1 = Math.floor((z + radiusMm) / cellMm);
      for (let ix = x0; ix <= x1; ix++)
        for (let iy = y0; iy <= y1; iy++)
          for (let iz = z0; iz <= z1; iz++) {
            const list = cells.get(key(ix, iy, iz));
            if (!list) continue;
            for (const v of list) {
              const dx = positions[v * 3] - x;
              const dy = positions[v * 3 + 1] - y;
              const dz = positions[v * 3 + 2] - z;
              if (dx * dx + dy * dy + dz * dz <= r2) visit(v);
            }
          }
    },
  };
}
