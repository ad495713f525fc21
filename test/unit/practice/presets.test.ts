import { describe, expect, it } from 'vitest';
import { findPreset, PRACTICE_PRESETS, presetsFor, recordingHeaderForPreset } from '../../../core/practice/presets';
import { createStudioStore } from '../../../renderer/studio/store';
import { standIn } from '../studio/helpers';

describe('practice presets', () => {
  it('finds a preset by id, and nothing for an unknown id', () => {
    for (const p of PRACTICE_PRESETS) expect(findPreset(p.id)).toBe(p);
    expect(findPreset('no-such-preset')).toBeUndefined();
    expect(new Set(PRACTICE_PRESETS.map((p) => p.id)).size).toBe(PRACTICE_PRESETS.length);
    expect(presetsFor('nano').every((p) => p.procedure === 'nano')).toBe(true);
  });

  it('builds the header of an RF session with the suggested zones as zone-1..n', () => {
    const preset = findPreset('rf-face-tightening')!;
    const trainee = { id: 'p-1', name: '王芳', role: 'nurse' as const };
    const header = recordingHeaderForPreset(preset, { id: 'att-1', mode: 'test', trainee });
    expect(header).toEqual({
      id: 'att-1',
      procedure: 'rf',
      mode: 'test',
      goal: preset.goal,
      case: preset.case,
      zones: [
        { id: 'zone-1', regions: ['forehead'] },
        { id: 'zone-2', regions: ['cheek-left'] },
        { id: 'zone-3', regions: ['cheek-right'] },
      ],
      scenarioId: 'rf-face-tightening',
      trainee,
    });
    // The zones are copies: editing them leaves the preset alone.
    header.zones[0].regions.push('nose');
    expect(preset.suggestedZones![0]).toEqual(['forehead']);
  });

  it('gives roller and nano sessions no zones and no trainee unless one is given', () => {
    const header = recordingHeaderForPreset(findPreset('nano-scalp')!, { id: 'att-2', mode: 'learn' });
    expect(header.zones).toEqual([]);
    expect('trainee' in header).toBe(false);
    expect(header).toMatchObject({ procedure: 'nano', scenarioId: 'nano-scalp', mode: 'learn' });
  });

  it('is the header the studio starts its sessions with', () => {
    for (const procedure of ['roller', 'rf', 'nano'] as const) {
      const trainee = { id: 'p-2', name: 'Li', role: 'technician' as const };
      const store = createStudioStore({ procedure, surface: standIn(), now: () => 0, newId: () => `rec-${procedure}`, trainee });
      const preset = presetsFor(procedure).at(-1)!;
      store.getState().choosePreset(preset.id);
      store.getState().setMode('test');
      store.getState().startSession();
      const s = store.getState();
      const expected = recordingHeaderForPreset(preset, { id: `rec-${procedure}`, mode: 'test', trainee });
      expect(s.recorder!.header).toEqual(expected);
      expect(s.zones).toEqual(expected.zones);
      expect(s.recorder!.build().zones).toEqual(expected.zones);
    }
  });
});
