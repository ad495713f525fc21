// The replay: the head with the heat map as it built up, the device moving over it, a timeline with the
// findings marked, play/pause and speed.

import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionId } from '../../../core/anatomy/regions';
import type { Recording } from '../../../core/recording/types';
import type { Finding } from '../../../core/scoring/report';
import type { HeadView } from '../feedback/colors';
import { Legend } from '../panels/FeedbackPanel';
import { formatSessionTime } from '../panels/ProcedurePanel';
import { DeviceMarker } from '../scene/DeviceMarker';
import { Eyeballs } from '../scene/Eyeballs';
import { HeadMesh, type ColorSource } from '../scene/HeadMesh';
import { StudioCanvas } from '../scene/StudioCanvas';
import { useThree } from '@react-three/fiber';
import type { LoadedHead } from '../StudioScreen';
import { createReplayModel } from './replay-model';

export const REPLAY_SPEEDS = [0.5, 1, 2, 4, 8] as const;

export function Replay({ head, recording, findings }: { head: LoadedHead; recording: Recording; findings: readonly Finding[] }) {
  const { t } = useTranslation('studio');
  const model = useMemo(() => createReplayModel(head.head, recording), [head, recording]);
  const [tMs, setTMs] = useState(model.durationMs);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(1);
  const views: HeadView[] = recording.procedure === 'roller' ? ['skin', 'passes', 'directions'] : recording.procedure === 'rf' ? ['skin', 'rf'] : ['skin', 'nano'];
  const [view, setView] = useState<HeadView>(views[1]);
  const tRef = useRef(tMs);
  tRef.current = tMs;

  useEffect(() => {
    if (!playing) return;
    let raf = 0;
    let last = performance.now();
    const tick = () => {
      // performance.now(), not the frame's start time, which may lie before `last` when frames are slow.
      const now = performance.now();
      const next = Math.min(model.durationMs, Math.max(0, tRef.current + (now - last) * speed));
      last = now;
      // The playhead advances here, not only when React re-renders, so slow frames lose no time.
      tRef.current = next;
      setTMs(next);
      if (next >= model.durationMs) setPlaying(false);
      else raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing, speed, model]);

  const targets = useMemo(() => new Set<RegionId>(recording.goal.targetRegions), [recording]);
  const colorSource = useMemo(
    () => (): ColorSource => {
      const state = model.stateAt(tRef.current);
      return {
        inputs: { view, feedback: true, state, targetRegions: targets, showRegions: true },
        key: `${state.version}|${view}`,
      };
    },
    [model, view, targets],
  );
  const pose = useMemo(
    () => () => {
      const p = model.poseAt(tRef.current);
      const fresh = p !== null && tRef.current - p.tMs < 600;
      return { p: fresh ? p.p : null, n: fresh ? p.n : null, moveDir: model.moveDirAt(tRef.current), down: p?.contact ?? false, flash: p?.pulse ? Math.max(0, 1 - (tRef.current - p.tMs) / 400) : 0 };
    },
    [model],
  );
  const settings = model.settingsAt(tMs);
  const marks = findings.filter((f) => f.span);

  return (
    <section className="studio-panel studio-replay" aria-labelledby="replay-title" data-head={head.head.variant}>
      <h2 id="replay-title">{t('replay.title')}</h2>
      <div className="studio-replay-view">
        <StudioCanvas label={t('replay.canvasLabel')}>
          <HeadMesh surface={head.head} geometry={head.picker.geometry} colorSource={colorSource} />
          <Eyeballs eyes={head.head.eyes} />
          <DeviceMarker settings={settings} pose={pose} />
          <RedrawOn value={`${tMs}|${view}`} />
        </StudioCanvas>
      </div>
      <div className="studio-replay-controls">
        <button type="button" className="button small" onClick={() => {
          if (!playing && tMs >= model.durationMs) setTMs(0);
          setPlaying(!playing);
        }} data-testid="replay-play">
          {playing ? t('replay.pause') : t('replay.play')}
        </button>
        <label className="studio-field inline">
          <span>{t('replay.speed')}</span>
          <select value={String(speed)} onChange={(e) => setSpeed(Number(e.target.value))}>
            {REPLAY_SPEEDS.map((s) => (
              <option key={s} value={String(s)}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <span className="studio-time" data-testid="replay-time">
          {formatSessionTime(tMs)} / {formatSessionTime(model.durationMs)}
        </span>
      </div>
      <div className="studio-timeline">
        <input
          type="range"
          min={0}
          max={Math.max(1, Math.round(model.durationMs))}
          step={10}
          value={Math.round(tMs)}
          onChange={(e) => {
            setPlaying(false);
            setTMs(Number(e.target.value));
          }}
          aria-label={t('replay.timeline')}
          data-testid="replay-scrubber"
        />
        <div className="studio-timeline-marks" aria-hidden="true">
          {marks.map((f) => (
            <span
              key={f.id}
              className={`mark sev-${f.severity}`}
              title={f.clause}
              ref={(el) => void (el && (el.style.left = `${(100 * (f.span?.startMs ?? 0)) / Math.max(1, model.durationMs)}%`))}
            />
          ))}
        </div>
      </div>
      <ul className="studio-timeline-list">
        {marks.map((f) => (
          <li key={f.id}>
            <button type="button" className="link" onClick={() => { setPlaying(false); setTMs(f.span?.startMs ?? 0); }}>
              {formatSessionTime(f.span?.startMs ?? 0)} · {f.clause}
            </button>
          </li>
        ))}
      </ul>
      <fieldset className="studio-segmented">
        <legend>{t('view.title')}</legend>
        {views.map((v) => (
          <label key={v}>
            <input type="radio" name="replay-view" checked={view === v} onChange={() => setView(v)} />
            {t(`view.${v}`)}
          </label>
        ))}
      </fieldset>
      <Legend view={view} />
    </section>
  );
}

/** Asks for a frame whenever `value` changes (the canvas renders on demand). */
function RedrawOn({ value }: { value: string }) {
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => invalidate(), [value, invalidate]);
  return null;
}
