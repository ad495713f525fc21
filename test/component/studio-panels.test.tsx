import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RECORDING_LIMITS } from '../../core/recording/limits';
import { RightPanel } from '../../renderer/studio/StudioScreen';
import { DevicePanel } from '../../renderer/studio/panels/DevicePanel';
import { DwellTimer } from '../../renderer/studio/panels/DwellTimer';
import { FeedbackPanel } from '../../renderer/studio/panels/FeedbackPanel';
import { ProcedurePanel } from '../../renderer/studio/panels/ProcedurePanel';
import { SetupPanel } from '../../renderer/studio/panels/SetupPanel';
import { presetsFor } from '../../core/practice/presets';
import { renderStudio } from './studio-setup';

afterEach(cleanup);

describe('studio panels', () => {
  it('picks a practice scenario, shows its goal and case, and starts a session in the chosen mode', async () => {
    const { store } = await renderStudio(<SetupPanel canStart />);
    const scars = presetsFor('roller').find((p) => p.goal.endpoint === 'texture-scars')!;
    fireEvent.change(screen.getByTestId('scenario-select'), { target: { value: scars.id } });
    expect(screen.getByText(/1\.0-1\.5 mm，出血性紫癜/)).toBeTruthy();
    expect(screen.getByText('左面颊、右面颊')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('考核模式'));
    fireEvent.click(screen.getByTestId('start-session'));
    // Main is asked for the attempt: the button is busy until it answers.
    const button = screen.getByTestId('start-session') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.textContent).toBe('正在开始…');
    await waitFor(() => expect(store.getState().phase).toBe('running'));
    const s = store.getState();
    expect(s.recorder?.header).toMatchObject({ id: s.attempt!.id, mode: 'test', scenarioId: scars.id, goal: scars.goal, trainee: { name: '王芳', role: 'nurse' } });
  });

  it('says in the UI language why a session could not start, and starts nothing', async () => {
    const { store } = await renderStudio(<SetupPanel canStart />, { as: 'admin' });
    fireEvent.click(screen.getByTestId('start-session'));
    await waitFor(() => expect(screen.getByTestId('start-error').textContent).toContain('当前账号无权进行此操作'));
    expect(store.getState()).toMatchObject({ phase: 'setup', attempt: null, recorder: null });
    expect((screen.getByTestId('start-session') as HTMLButtonElement).disabled).toBe(false);
  });

  it('offers to open a recording file, refusing one over the size limit before reading it', async () => {
    const { store, services } = await renderStudio(<SetupPanel canStart />, { language: 'en' });
    const MAX_MIB = RECORDING_LIMITS.maxFileBytes / (1024 * 1024);
    expect(screen.getByText('Open a recording file…')).toBeTruthy();
    const input = screen.getByTestId('open-recording-file') as HTMLInputElement;
    const big = new File(['{}'], 'huge.json', { type: 'application/json' });
    Object.defineProperty(big, 'size', { value: RECORDING_LIMITS.maxFileBytes + 1 });
    const read = vi.spyOn(big, 'text');
    fireEvent.change(input, { target: { files: [big] } });
    await waitFor(() => expect(screen.getByTestId('open-file-errors').textContent).toContain(`huge.json is ${MAX_MIB}.1 MiB, more than the ${MAX_MIB} MiB a recording file may have.`));
    expect(read).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { files: [new File(['{oops'], 'bad.json')] } });
    await waitFor(() => expect(screen.getByTestId('open-file-errors').textContent).toContain('bad.json is not valid JSON:'));
    expect(store.getState().phase).toBe('setup');
    expect(services.ok(await services.trainee.sessions.list({})).total).toBe(0);
  });

  it('records each device setting change with its time', async () => {
    const { store, advance } = await renderStudio(<DevicePanel />);
    await act(() => store.getState().startSession());
    advance(2500);
    fireEvent.change(screen.getByTestId('needle-length'), { target: { value: '1.5' } });
    expect(Array.from(screen.getByTestId('needle-length').querySelectorAll('option')).map((o) => o.value)).toEqual(['0.25', '0.5', '0.75', '1', '1.5', '2', '2.5', '3']);
    const settings = store.getState().recorder!.build().settings;
    expect(settings.at(-1)).toEqual({ tMs: 2500, settings: { device: 'roller', needleLengthMm: 1.5, drumWidthMm: 20 } });
    expect(screen.getByText(/按住 L 键 = 轻、按住 Shift 键 = 重/)).toBeTruthy();
  });

  it('RF: fitting a new tip changes the tip id and records the 9.5 step', async () => {
    const { store } = await renderStudio(<DevicePanel />, { procedure: 'rf' });
    await act(() => store.getState().startSession());
    fireEvent.click(screen.getByTestId('fit-new-tip'));
    const rec = store.getState().recorder!.build();
    expect(rec.settings.at(-1)?.settings).toMatchObject({ device: 'rf', tipId: 'tip-2' });
    expect(rec.steps.map((s) => s.step)).toEqual(['fit-new-tip']);
  });

  it('records procedure steps with their times and shows them done', async () => {
    const { store, advance } = await renderStudio(<ProcedurePanel />);
    expect((screen.getByTestId('step-cleanse') as HTMLButtonElement).disabled).toBe(true);
    await act(() => store.getState().startSession());
    advance(65_000);
    fireEvent.click(screen.getByTestId('step-cleanse'));
    expect(store.getState().steps).toEqual([{ step: 'cleanse', tMs: 65_000 }]);
    expect(screen.queryByTestId('step-cleanse')).toBeNull();
    expect(screen.getByText('1:05')).toBeTruthy();
  });

  it('nano: the wet compress records its duration in minutes', async () => {
    const { store } = await renderStudio(<ProcedurePanel />, { procedure: 'nano' });
    await act(() => store.getState().startSession());
    fireEvent.click(screen.getByTestId('step-wet-compress'));
    expect(store.getState().steps[0]).toMatchObject({ step: 'wet-compress', durationMs: 20 * 60_000 });
  });

  it('RF zones: 2-5 zones with per-zone steps recorded with the zone id', async () => {
    const { store } = await renderStudio(<ProcedurePanel />, { procedure: 'rf' });
    await act(() => store.getState().startSession());
    // The face preset suggests 3 zones.
    expect(store.getState().zones).toHaveLength(3);
    fireEvent.click(screen.getByTestId('add-zone'));
    fireEvent.click(screen.getByTestId('add-zone'));
    expect(store.getState().zones).toHaveLength(5);
    expect((screen.getByTestId('add-zone') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(screen.getByTestId('zone-zone-2')).getByTestId('step-disinfect-zone-2'));
    expect(store.getState().steps).toEqual([{ step: 'disinfect', tMs: 0, zoneId: 'zone-2' }]);
    // Zones are numbered by position: removing the first one four times leaves one.
    for (let i = 0; i < 4; i++) fireEvent.click(screen.getAllByLabelText(/^删除分区：/)[0]);
    expect(store.getState().zones.map((z) => z.id)).toEqual(['zone-5']);
    expect(screen.getByText('至少需要 2 个分区。')).toBeTruthy();
  });

  it('learn mode shows the region rule with its clause and live warnings; test mode shows none of it', async () => {
    const { store } = await renderStudio(<RightPanel />, { language: 'en' });
    await act(() => store.getState().startSession());
    act(() => store.getState().setHoverRegion('scalp'));
    expect(screen.getByTestId('region-guidance').textContent).toMatch(/Scalp.*Clause 8\.5\.7.*left-right.*Recommended needle length: 0\.5-0\.8 mm/);
    act(() =>
      store.getState().addWarnings([{ ruleId: 'roller-scalp-transverse-only', clause: '8.5.7', severity: 'major', message: { zh: '头皮只能横向', en: 'Scalp: left-right only' }, tMs: 100 }]),
    );
    expect(screen.getByTestId('live-warnings').textContent).toContain('Scalp: left-right only');

    cleanup();
    const test = await renderStudio(<RightPanel />, { language: 'en' });
    act(() => test.store.getState().setMode('test'));
    await act(() => test.store.getState().startSession());
    expect(screen.queryByTestId('region-guidance')).toBeNull();
    expect(screen.queryByText('Live feedback')).toBeNull();
    expect(screen.getByText(/no live feedback/)).toBeTruthy();
  });

  it('the feedback panel offers the views for the procedure', async () => {
    await renderStudio(<FeedbackPanel />, { procedure: 'rf' });
    expect(screen.getByTestId('view-rf')).toBeTruthy();
    expect(screen.queryByTestId('view-directions')).toBeNull();
  });

  it('nano: the dwell timer runs while the needle is held and turns red past 3 s (10.5)', async () => {
    const { store } = await renderStudio(<DwellTimer />, { procedure: 'nano', language: 'en' });
    expect(screen.queryByTestId('dwell-timer')).toBeNull();
    act(() => store.getState().setContactSince(performance.now() - 1200));
    expect(screen.getByTestId('dwell-timer').className).toBe('studio-dwell');
    expect(screen.getByTestId('dwell-timer').textContent).toMatch(/^Dwell 1\.\d s \(limit 3 s\)$/);
    act(() => store.getState().setContactSince(performance.now() - 3600));
    expect(screen.getByTestId('dwell-timer').className).toBe('studio-dwell over');
    act(() => store.getState().setContactSince(null));
    expect(screen.queryByTestId('dwell-timer')).toBeNull();
  });

  it('learn mode: the progress table shows coverage of the target region from the live scorer, refreshed on lift', async () => {
    const { store } = await renderStudio(<RightPanel />, { language: 'en' });
    await act(() => store.getState().startSession());
    const row = () => screen.getByTestId('progress').querySelector('[data-region="forehead"]')!.textContent!;
    expect(row()).toMatch(/^Forehead(0|—)%/);
    // A few horizontal strokes over the stand-in's forehead (about y = 74, z = 67 on the ellipsoid).
    act(() => {
      const rec = store.getState().recorder!;
      let t = 100;
      for (const y of [62, 70, 78]) {
        for (let x = -25; x <= 25; x += 1) {
          const z = 95 * Math.sqrt(Math.max(0, 1 - (x / 75) ** 2 - (y / 105) ** 2));
          const n = [x / 75 ** 2, y / 105 ** 2, z / 95 ** 2];
          const len = Math.hypot(...n);
          rec.push({ kind: 'sample', sample: { tMs: (t += 8), p: [x, y, z], n: [n[0] / len, n[1] / len, n[2] / len], region: 'forehead', pressure: 0.55, contact: true } });
        }
        rec.push({ kind: 'sample', sample: { tMs: (t += 8), p: [25, y, 60], n: [0, 0.6, 0.8], region: 'forehead', pressure: 0, contact: false } });
      }
      store.getState().refreshCounts();
    });
    const covered = Number(/^Forehead([\d.]+)%/.exec(row())?.[1]);
    expect(covered).toBeGreaterThan(5);
  });
});
