// Region names over the head in the UI language: the scenario's targets, the no-treat zones and the region
// under the pointer. Plain DOM labels in an overlay beside the canvas, moved each frame by projecting a
// point a little off the surface (no extra React roots inside the canvas).

import { useFrame, useThree } from '@react-three/fiber';
import { useTranslation } from 'react-i18next';
import { useRef, type RefObject } from 'react';
import { Vector3 } from 'three';
import { isNoTreatRegion, REGION_NAMES, type RegionId } from '../../../core/anatomy/regions';
import type { RegionInfo } from '../../../core/surface/surface';

/** Where a region's label sits, head frame: off the surface along the direction from the head's centre. */
export function labelAnchor(r: RegionInfo, offsetMm = 14): [number, number, number] {
  const [x, y, z] = r.centroid;
  const cy = 20; // roughly the head's centre height above the tragion line
  const len = Math.hypot(x, y - cy, z) || 1;
  return [x + (x / len) * offsetMm, y + ((y - cy) / len) * offsetMm, z + (z / len) * offsetMm];
}

export function shownLabels(regions: readonly RegionInfo[], targets: ReadonlySet<RegionId>, hover: RegionId | null): RegionInfo[] {
  return regions.filter((r) => targets.has(r.id) || isNoTreatRegion(r.id) || r.id === hover);
}

export type LabelRefs = RefObject<Map<RegionId, HTMLElement>>;

/** The DOM side: rendered outside the Canvas, over it. */
export function RegionLabelOverlay({ labels, refs, targets }: { labels: readonly RegionInfo[]; refs: LabelRefs; targets: ReadonlySet<RegionId> }) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  return (
    <div className="studio-labels" aria-hidden="true">
      {labels.map((r) => (
        <span
          key={r.id}
          className={`studio-label studio-label-${isNoTreatRegion(r.id) ? 'no-treat' : targets.has(r.id) ? 'target' : 'hover'}`}
          data-region={r.id}
          ref={(el) => {
            if (el) refs.current.set(r.id, el);
            else refs.current.delete(r.id);
          }}
        >
          {REGION_NAMES[r.id][lang]}
        </span>
      ))}
    </div>
  );
}

const v = new Vector3();

/** The canvas side: projects the anchors every frame and moves the labels; hides those facing away. */
export function RegionLabelProjector({ labels, refs }: { labels: readonly RegionInfo[]; refs: LabelRefs }) {
  const camera = useThree((s) => s.camera);
  const size = useThree((s) => s.size);
  const anchors = useRef(new Map<RegionId, [number, number, number]>());
  useFrame(() => {
    for (const r of labels) {
      const el = refs.current.get(r.id);
      if (!el) continue;
      let a = anchors.current.get(r.id);
      if (!a) anchors.current.set(r.id, (a = labelAnchor(r)));
      // Facing away from the camera: the label would float over the other side of the head.
      const [cx, cy, cz] = r.centroid;
      const facing = (camera.position.x - cx) * (a[0] - cx) + (camera.position.y - cy) * (a[1] - cy) + (camera.position.z - cz) * (a[2] - cz) > 0;
      v.set(a[0], a[1], a[2]).project(camera);
      const visible = facing && v.z < 1 && Math.abs(v.x) <= 1 && Math.abs(v.y) <= 1;
      el.style.display = visible ? '' : 'none';
      if (visible) {
        el.style.transform = `translate(-50%, -50%) translate(${((v.x + 1) / 2) * size.width}px, ${((1 - v.y) / 2) * size.height}px)`;
        // Shown from its first placement on (until then it would sit in the overlay's corner).
        el.dataset.placed = '';
      }
    }
  });
  return null;
}
