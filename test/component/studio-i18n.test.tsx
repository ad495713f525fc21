// The studio's translations: the same keys and placeholders in zh and en, every key the studio's source
// asks for exists, and the rendered panels show no text in the other language and no raw keys.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resources } from '../../renderer/i18n';
import { RightPanel } from '../../renderer/studio/StudioScreen';
import { ReportView } from '../../renderer/studio/debrief/Debrief';
import { DevicePanel } from '../../renderer/studio/panels/DevicePanel';
import { ProcedurePanel } from '../../renderer/studio/panels/ProcedurePanel';
import { SetupPanel } from '../../renderer/studio/panels/SetupPanel';
import { findUntranslatedText } from './shell-text-audit';
import { renderStudio, renderStudioScreen } from './studio-setup';

vi.mock('../../renderer/studio/scene/StudioCanvas', () => ({
  StudioCanvas: ({ label }: { label: string }) => <div className="studio-canvas" role="img" aria-label={label} />,
}));

afterEach(cleanup);

type Tree = { [k: string]: string | Tree };
const flatten = (t: Tree, prefix = ''): Record<string, string> =>
  Object.fromEntries(Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v]] : Object.entries(flatten(v, `${prefix}${k}.`)))));

const zh = flatten(resources.zh.studio as Tree);
const en = flatten(resources.en.studio as Tree);
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

const studioDir = path.resolve(__dirname, '../../renderer/studio');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sources(path.join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [path.join(dir, d.name)] : []));

describe('studio translations', () => {
  it('zh and en have the same keys, non-empty, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, text] of Object.entries(zh)) {
      expect(text.trim(), `zh ${key}`).not.toBe('');
      expect(en[key].trim(), `en ${key}`).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(text));
    }
  });

  it('every literal key and key prefix the studio source uses exists', () => {
    const missing: string[] = [];
    let scanned = 0;
    for (const file of sources(studioDir)) {
      const text = readFileSync(file, 'utf8');
      if (!text.includes("useTranslation('studio')")) continue;
      scanned++;
      // A plural key exists as its forms (key_one, key_other), as i18next looks it up with a count.
      for (const m of text.matchAll(/\bt\('([a-zA-Z][\w.-]*)'/g)) if (!(m[1] in zh) && !(`${m[1]}_other` in zh)) missing.push(`${path.basename(file)}: ${m[1]}`);
      for (const m of text.matchAll(/\bt\(`([a-zA-Z][\w.-]*)\.\$\{/g)) if (!Object.keys(zh).some((k) => k.startsWith(`${m[1]}.`))) missing.push(`${path.basename(file)}: ${m[1]}.*`);
    }
    expect(scanned).toBeGreaterThanOrEqual(8);
    expect(missing).toEqual([]);
  });

  for (const language of ['zh', 'en'] as const) {
    it(`rendered panels show only ${language} text`, async () => {
      for (const procedure of ['roller', 'rf', 'nano'] as const) {
        const setup = await renderStudio(
          <>
            <SetupPanel canStart />
            <DevicePanel />
            <ProcedurePanel />
          </>,
          { procedure, language },
        );
        expect(findUntranslatedText(setup.view.container, language)).toEqual([]);
        await act(() => setup.store.getState().startSession());
        act(() => setup.store.getState().setHoverRegion('forehead'));
        expect(findUntranslatedText(setup.view.container, language)).toEqual([]);
        cleanup();
        const right = await renderStudio(<RightPanel />, { procedure, language });
        await act(() => right.store.getState().startSession());
        act(() => right.store.getState().setHoverRegion('cheek-left'));
        expect(findUntranslatedText(right.view.container, language)).toEqual([]);
        cleanup();
      }
      const report = await renderStudio(<ReportView state={{ status: 'pending' }} />, { language });
      expect(findUntranslatedText(report.view.container, language)).toEqual([]);
    });
  }

  for (const language of ['zh', 'en'] as const) {
    it(`the attempt's states show only ${language} text: saving, leaving, the debrief, errors`, async () => {
      const { view } = await renderStudioScreen({ language });
      const audit = () => expect(findUntranslatedText(view.container, language)).toEqual([]);
      fireEvent.click(await screen.findByTestId('start-session'));
      await screen.findByTestId('end-session');
      fireEvent.click(screen.getByTestId('step-take-history'));
      await waitFor(() => expect(screen.getByTestId('upload-status').getAttribute('data-status')).toBe('saved'));
      audit();
      fireEvent.click(screen.getByTestId('studio-exit'));
      audit();
      fireEvent.click(screen.getByTestId('leave-cancel'));
      fireEvent.click(screen.getByTestId('end-session'));
      await waitFor(() => expect(screen.getByTestId('attempt-storage').getAttribute('data-state')).toBe('stored'));
      audit();
      cleanup();
      const admin = await renderStudioScreen({ language, as: 'admin' });
      fireEvent.click(await screen.findByTestId('start-session'));
      await screen.findByTestId('start-error');
      expect(findUntranslatedText(admin.view.container, language)).toEqual([]);
    });
  }
});
