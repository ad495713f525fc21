// No internal words in the device panel (issue 11 §2): the RF tip is counted as the trainee counts the
// single-use tips fitted (9.5), never shown by its id (tip-1); zh and en.

import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DevicePanel } from '../../renderer/studio/panels/DevicePanel';
import { renderStudio } from './studio-setup';

afterEach(cleanup);

describe('the RF device panel in the trainee\'s words', () => {
  for (const [language, first, second] of [
    ['zh', '当前治疗头：第 1 个（一次性）', '当前治疗头：第 2 个（一次性）'],
    ['en', 'Fitted tip: no. 1 (single-use)', 'Fitted tip: no. 2 (single-use)'],
  ] as const) {
    it(`names the fitted tip by its number, not its id (${language})`, async () => {
      const { store } = await renderStudio(<DevicePanel />, { procedure: 'rf', language });
      await act(() => store.getState().startSession());
      expect(screen.getByText(first)).toBeTruthy();
      fireEvent.click(screen.getByTestId('fit-new-tip'));
      expect(store.getState().settings).toMatchObject({ tipId: 'tip-2' });
      expect(screen.getByText(second)).toBeTruthy();
      expect(document.body.textContent).not.toMatch(/tip-\d/);
    });
  }
});
