// The live scene: head with feedback colours (learn mode only), device marker, labels, input.

import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionId } from '../../../core/anatomy/regions';
import type { LiveFeedbackState } from '../../../core/scoring/live-contract';
import type { LoadedHead } from '../StudioScreen';
import { useStudio, useStudioStoreApi } from '../store';
import { feedbackVisible } from '../test-mode';
import { createCursorState } from './cursor';
import { DeviceMarker } from './DeviceMarker';
import { Eyeballs } from './Eyeballs';
import { HeadMesh, type ColorSource } from './HeadMesh';
import { InputController } from './InputController';
import { RegionLabelOverlay, RegionLabelProjector, shownLabels } from './RegionLabels';
import { StudioCanvas } from './StudioCanvas';

const EMPTY_STATE = (n: number): LiveFeedbackState => ({
  passCount: new Uint16Array(n),
  directionMask: new Uint8Array(n),
  rfHitCount: new Uint16Array(n),
  nanoContactCount: new Uint16Array(n),
  rollerDosePassMm: new Float32Array(n),
  bleedingDosePassMm: new Float32Array(n),
  version: 0,
});

export function StudioScene({ head }: { head: LoadedHead }) {
  const { t } = useTranslation('studio');
  const store = useStudioStoreApi();
  const cursor = useMemo(() => createCursorState(), []);
  const empty = useMemo(() => EMPTY_STATE(head.head.vertexRegion.length), [head]);
  const settings = useStudio((s) => s.settings);
  const targets = useStudio((s) => s.preset.goal.targetRegions);
  const hover = useStudio((s) => s.hoverRegion);
  // Test mode names no region on the head: no target, no-treat or hover labels.
  const showLabels = useStudio((s) => s.showLabels && feedbackVisible(s.mode));
  const targetSet = useMemo(() => new Set<RegionId>(targets), [targets]);
  const labelRefs = useRef(new Map<RegionId, HTMLElement>());
  const labels = useMemo(() => (showLabels ? shownLabels(head.head.regions, targetSet, hover) : []), [showLabels, head, targetSet, hover]);

  const colorSource = useMemo(
    () => (): ColorSource => {
      const s = store.getState();
      const hints = feedbackVisible(s.mode);
      const feedbackOn = (s.phase === 'running' || s.phase === 'ending') && hints && s.feedback !== null;
      const state = feedbackOn && s.feedback ? s.feedback.state : empty;
      const editing = s.zoneEditId ? s.zones.find((z) => z.id === s.zoneEditId) : undefined;
      const selected = editing ? new Set<RegionId>(editing.regions) : undefined;
      return {
        inputs: {
          view: s.view,
          feedback: feedbackOn,
          state,
          targetRegions: new Set(s.preset.goal.targetRegions),
          selectedRegions: selected,
          showRegions: s.showRegions,
          regionHints: hints,
        },
        key: `${feedbackOn}|${hints}|${state.version}|${s.view}|${s.showRegions}|${s.preset.id}|${editing ? `${editing.id}:${editing.regions.join(',')}` : ''}`,
      };
    },
    [store, empty],
  );

  const pose = useMemo(
    () => () => ({
      p: cursor.p,
      n: cursor.n,
      moveDir: cursor.moveDir,
      down: cursor.down,
      flash: Math.max(0, 1 - (performance.now() - cursor.pulseAtMs) / 400),
    }),
    [cursor],
  );

  return (
    <>
      <StudioCanvas label={t('canvasLabel')}>
        <HeadMesh surface={head.head} geometry={head.picker.geometry} colorSource={colorSource} />
        <Eyeballs eyes={head.head.eyes} />
        <DeviceMarker settings={settings} pose={pose} />
        <RegionLabelProjector labels={labels} refs={labelRefs} />
        <InputController picker={head.picker} cursor={cursor} />
      </StudioCanvas>
      <RegionLabelOverlay labels={labels} refs={labelRefs} targets={targetSet} />
    </>
  );
}
