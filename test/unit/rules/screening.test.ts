import { describe, expect, it } from 'vitest';
import { screenCase } from '../../../core/rules/screening';
import type { PatientCase } from '../../../core/recording/types';

const base: PatientCase = { id: 'c', skinType: 'normal', conditions: [] };

describe('screenCase', () => {
  it('treats a clean case after 7.1-7.3', () => {
    const r = screenCase(base, 'roller');
    expect(r).toMatchObject({ decision: 'treat', contraindications: [], excludedRegions: [], precautions: [] });
    expect(r.preparation.map((p) => p.clause)).toEqual(['7.1', '7.2', '7.3']);
  });

  it('declines a whole-patient contraindication and limits a local one', () => {
    expect(screenCase({ ...base, conditions: [{ id: 'chemo-radiotherapy' }] }, 'rf')).toMatchObject({ decision: 'decline', contraindications: [{ clause: '6.7' }] });
    const local = screenCase({ ...base, conditions: [{ id: 'local-infection', regions: ['perioral'] }] }, 'roller');
    expect(local).toMatchObject({ decision: 'limit', excludedRegions: ['perioral'], contraindications: [{ clause: '6.3' }] });
    // A local condition without regions bars the whole patient.
    expect(screenCase({ ...base, conditions: [{ id: 'local-infection' }] }, 'roller').decision).toBe('decline');
  });

  it('adds the precautions of 13.4 and 13.6 and the risks of 13.x', () => {
    const r = screenCase({ ...base, fitzpatrick: 5, newProducts: ['serum X'], conditions: [{ id: 'herpes-history' }, { id: 'rosacea' }] }, 'nano');
    expect(r.decision).toBe('treat');
    expect(r.precautions.map((p) => [p.step, p.clause])).toEqual([
      ['antiviral-prophylaxis', '13.6'],
      ['skin-trial', '13.4'],
    ]);
    expect(r.risks.map((x) => x.clause)).toEqual(['13.7', '13.9']);
  });

  it('refuses an unknown condition id with the case named', () => {
    expect(() => screenCase({ ...base, id: 'case-9', conditions: [{ id: 'sunburn' }] }, 'roller')).toThrow(/unknown condition "sunburn" in case case-9/);
  });
});
