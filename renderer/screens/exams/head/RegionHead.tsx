// The exam's head: loaded lazily (three.js and the scene are their own chunk, as the studio's are), shown
// with an error in words when the model or WebGL fails (never a stand-in), and always next to it the
// region list that does the same thing.

import { Component, createContext, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HEAD_REGION_IDS, type RegionId } from '../../../../core/anatomy/regions';
import type { HeadVariantId } from '../../../../core/head-model/variants';
import type { HeadModel } from '../../../../core/surface/surface';
import { RegionList } from './RegionList';
import '../take/exam.css';

export interface RegionCanvasProps {
  /** Colour per region (CSS colour); regions not named keep the skin colour. */
  colors: ReadonlyMap<RegionId, string>;
  onPick: (region: RegionId) => void;
  disabled?: boolean;
  /** Which head: a case's patient's (headVariantForCase); the woman's where no patient is named (bank questions). */
  variant?: HeadVariantId;
}

/** Where the head comes from: the shipped model (renderer/studio/head/loadHead) unless a test says otherwise. */
export const HeadLoaderContext = createContext<((variant: HeadVariantId) => Promise<HeadModel>) | null>(null);

const LazyRegionCanvas = lazy<ComponentType<RegionCanvasProps>>(() => import('./RegionCanvas'));

class CanvasBoundary extends Component<{ fallback: (error: Error) => ReactNode; children: ReactNode }, { error: Error | null }> {
  state: { error: Error | null } = { error: null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}

export function HeadFailure({ title, message }: { title: string; message: string }) {
  return (
    <div className="notice notice-error region-head-failed" role="alert">
      <p className="notice-title">{title}</p>
      <p className="notice-detail" lang="en">
        {message}
      </p>
    </div>
  );
}

export function RegionHead(props: RegionCanvasProps) {
  const { t } = useTranslation('exam');
  return (
    <CanvasBoundary fallback={(error) => <HeadFailure title={t('head.glFailed')} message={error.message} />}>
      <Suspense
        fallback={
          <p className="loading" role="status">
            {t('head.loading')}
          </p>
        }
      >
        <LazyRegionCanvas {...props} />
      </Suspense>
    </CanvasBoundary>
  );
}

/** The head and the region list side by side: either picks a region. */
export function RegionPicker({
  regions = HEAD_REGION_IDS,
  selected,
  colors,
  onPick,
  disabled,
  listLabel,
  variant,
}: {
  regions?: readonly RegionId[];
  selected: ReadonlySet<RegionId>;
  colors?: ReadonlyMap<RegionId, string>;
  onPick: (region: RegionId) => void;
  disabled?: boolean;
  listLabel?: string;
  variant?: HeadVariantId;
}) {
  const headColors = new Map(colors ?? []);
  for (const region of selected) headColors.set(region, colors?.get(region) ?? SELECTED_COLOR);
  return (
    <div className="region-picker">
      <div className="region-picker-head">
        <RegionHead colors={headColors} onPick={onPick} disabled={disabled} variant={variant} />
      </div>
      <RegionList regions={regions} selected={selected} colors={colors} onPick={onPick} disabled={disabled} label={listLabel} />
    </div>
  );
}

export const SELECTED_COLOR = '#1f8a83';
