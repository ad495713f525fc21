// The endpoint control (8.4, renderer/studio/panels/EndpointPanel.tsx): a labelled button per target region
// (and one for all of them), keyboard reachable, recorded as an `endpoint` event; learn mode says whether the
// simulator's skin-reaction model agrees, test mode gives no hint.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { loadScoringSurface } from '../../core/node/surface';
import { parseRecording } from '../../core/recording/validate';
import { score } from '../../core/scoring/score';
import { initI18n, setLanguage } from '../../renderer/i18n';
import { ReportView } from '../../renderer/studio/debrief/Debrief';
import { EndpointPanel } from '../../renderer/studio/panels/EndpointPanel';
import { renderStudio } from './studio-setup';

afterEach(cleanup);

describe('endpoint control', () => {
  it('learn mode: declares the forehead reached, records it, and says the model finds it not yet pink (nothing rolled)', async () => {
    const { store, advance } = await renderStudio(<EndpointPanel />);
    expect(screen.queryByTestId('endpoint-panel')).toBeNull(); // only while a session runs
    await act(() => store.getState().startSession());
    await waitFor(() => expect(store.getState().phase).toBe('running'));
    const button = screen.getByRole('button', { name: '已达治疗终点：额部' });
    expect(screen.getByText('本次终点（8.4.1）：皮肤发红（粉红）')).toBeTruthy();
    button.focus();
    expect(document.activeElement).toBe(button);
    advance(65_000);
    act(() => fireEvent.click(button));
    const events = store.getState().recorder!.events().filter((e) => e.kind === 'endpoint');
    expect(events).toEqual([{ kind: 'endpoint', declaration: { tMs: 65_000, regions: ['forehead'] } }]);
    expect(screen.queryByRole('button', { name: '已达治疗终点：额部' })).toBeNull();
    expect(screen.getByTestId('endpoint-declared-forehead').textContent).toContain('额部：已宣布达到终点（1:05）');
    // Nothing rolled: 0% pink, under the 80% the model asks, so it disagrees, in words.
    const verdict = screen.getByTestId('endpoint-verdict-forehead');
    expect(verdict.textContent).toContain('模拟器皮肤反应模型：尚未达到终点');
    expect(verdict.textContent).toContain('额部只有 0% 的面积呈粉红');
    expect(store.getState().recorder!.build().endpoints).toEqual([{ tMs: 65_000, regions: ['forehead'] }]);
  });

  it('test mode: one button per target region and one for all, distinct names, no goal and no verdict', async () => {
    const { store } = await renderStudio(<EndpointPanel />, { language: 'en' });
    act(() => {
      store.getState().choosePreset('roller-cheeks-absorption');
      store.getState().setMode('test');
    });
    await act(() => store.getState().startSession());
    await waitFor(() => expect(store.getState().phase).toBe('running'));
    const names = screen.getAllByRole('button').map((b) => b.textContent);
    expect(names).toEqual(['Endpoint reached: Left cheek', 'Endpoint reached: Right cheek', 'Endpoint reached: all target regions']);
    expect(screen.queryByText(/8\.4/)).toBeNull();
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Endpoint reached: all target regions' })));
    expect(store.getState().endpoints).toEqual([{ tMs: 0, regions: ['cheek-left', 'cheek-right'] }]);
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(screen.getByTestId('endpoint-declared-cheek-left').textContent).toBe('Left cheek: endpoint declared at 0:00');
    expect(screen.queryByRole('status')).toBeNull();
  });
});

describe('endpoint findings in the debrief', () => {
  it('are listed under their clause with the evidence in words, like the other findings', async () => {
    // happy-dom's URL is not Node's: the fixture path from __dirname.
    const file = path.resolve(__dirname, '../fixtures/recordings/roller-forehead-pink-declared-too-early.json');
    const parsed = parseRecording(readFileSync(file, 'utf8'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const report = score(parsed.recording, { surface: loadScoringSurface().surface });
    await initI18n('zh');
    await setLanguage('zh');
    render(<ReportView state={{ status: 'ready', report }} />);
    const group = document.querySelector('[data-clause="8.4.1"]')!;
    expect(group.textContent).toContain('宣布达到常规终点时皮肤应已发红（粉红）');
    // The declaration's own time in the session, as the studio shows times (m:ss).
    const declaredAtMs = parsed.recording.endpoints![0].tMs;
    const shown = `${Math.floor(declaredAtMs / 60_000)}:${String(Math.floor((declaredAtMs % 60_000) / 1000)).padStart(2, '0')}`;
    expect(group.textContent).toContain(`${shown} 宣布已达终点时，额部只有 0% 的面积呈粉红（模拟器皮肤反应模型，需 ≥80%）`);
  });
});
