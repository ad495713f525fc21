// RF before Start: the procedure panel shows the scenario's zones as Start will set them up, by their region
// names, and never says "at least 2 zones needed" beside a scenario that has three (issue 11 §2: feedback
// never contradicts itself). Once the session runs, the zones are edited as usual.

import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProcedurePanel } from '../../renderer/studio/panels/ProcedurePanel';
import { renderStudio } from './studio-setup';

afterEach(cleanup);

describe('RF zones before the session starts', () => {
  it('lists the face scenario\'s three zones by region, with no "too few" warning and no editing until Start (zh, en)', async () => {
    for (const [language, names, hint] of [
      ['zh', ['额部', '左面颊', '右面颊'], '开始操作后按本情境分为 3 个区'],
      ['en', ['Forehead', 'Left cheek', 'Right cheek'], "Start sets up this scenario's 3 zones"],
    ] as const) {
      const { store } = await renderStudio(<ProcedurePanel />, { procedure: 'rf', language });
      expect(store.getState().preset.id).toBe('rf-face-tightening');
      const preview = screen.getByTestId('zones-preview');
      expect(Array.from(preview.querySelectorAll('li')).map((li) => li.textContent)).toEqual(names);
      expect(preview.textContent).toContain(hint);
      expect(document.body.textContent).not.toMatch(/至少需要|At least/);
      expect(screen.queryByTestId('add-zone')).toBeNull();
      await act(() => store.getState().startSession());
      expect(screen.queryByTestId('zones-preview')).toBeNull();
      expect(screen.getAllByTestId('zone-name').map((n) => n.textContent)).toEqual(names);
      cleanup();
    }
  });
});
