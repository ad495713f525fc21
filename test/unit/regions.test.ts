import { describe, expect, it } from 'vitest';
import { ALL_REGION_IDS, HEAD_REGION_IDS, REGION_NAMES, isNoTreatRegion, mirrorRegion } from '../../core/anatomy/regions';

describe('region ids', () => {
  it('every region has a Chinese and an English name', () => {
    for (const id of ALL_REGION_IDS) {
      expect(REGION_NAMES[id].zh.length).toBeGreaterThan(0);
      expect(REGION_NAMES[id].en.length).toBeGreaterThan(0);
    }
  });
  it('mirrors left and right and keeps midline regions', () => {
    expect(mirrorRegion('cheek-left')).toBe('cheek-right');
    expect(mirrorRegion('upper-eyelid-right')).toBe('upper-eyelid-left');
    expect(mirrorRegion('forehead')).toBe('forehead');
    for (const id of HEAD_REGION_IDS) expect(HEAD_REGION_IDS).toContain(mirrorRegion(id));
  });
  it('marks the eyes, lips and nostrils as no-treat zones', () => {
    expect(isNoTreatRegion('eye-left')).toBe(true);
    expect(isNoTreatRegion('lips')).toBe(true);
    expect(isNoTreatRegion('nose')).toBe(false);
  });
});
