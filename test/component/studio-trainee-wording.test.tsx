// What trainees read in the studio (issue 11 §2): counters in the right plural, scoring provenance labelled
// for examiners with its ids marked as code, and each problem in a recording file said in the UI language
// before core's English detail.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { initI18n, setLanguage, type Language } from '../../renderer/i18n';
import { recordingPlace, FileProblemText } from '../../renderer/studio/api-error';
import { Provenance } from '../../renderer/studio/debrief/AttemptNote';
import type { Leave } from '../../renderer/studio/panels/LeaveConfirm';
import { StudioBar } from '../../renderer/studio/StudioBar';
import { findUntranslatedText } from './shell-text-audit';
import { renderStudio } from './studio-setup';

afterEach(cleanup);

const leave: Leave = { asking: false, request: () => {}, confirm: async () => {}, cancel: () => {}, force: () => {} };

async function inLanguage(language: Language) {
  await initI18n(language);
  await setLanguage(language);
}

describe('the studio bar counters', () => {
  it('RF pulses and nano contacts in the singular and plural (en), counted in Chinese (zh)', async () => {
    const rf = await renderStudio(<StudioBar leave={leave} onTimeUp={() => {}} />, { procedure: 'rf', language: 'en' });
    const counts = () => screen.getByTestId('event-counts').textContent;
    act(() => rf.store.setState({ phase: 'running', counts: { samples: 0, pulses: 1, contacts: 0, steps: 0 } }));
    expect(counts()).toBe('1 pulse');
    act(() => rf.store.setState({ counts: { samples: 0, pulses: 2, contacts: 0, steps: 0 } }));
    expect(counts()).toBe('2 pulses');
    act(() => rf.store.setState({ counts: { samples: 0, pulses: 0, contacts: 0, steps: 0 } }));
    expect(counts()).toBe('0 pulses');
    cleanup();
    const nano = await renderStudio(<StudioBar leave={leave} onTimeUp={() => {}} />, { procedure: 'nano', language: 'en' });
    act(() => nano.store.setState({ phase: 'running', counts: { samples: 0, pulses: 0, contacts: 1, steps: 0 } }));
    expect(counts()).toBe('1 contact');
    act(() => nano.store.setState({ counts: { samples: 0, pulses: 0, contacts: 5, steps: 0 } }));
    expect(counts()).toBe('5 contacts');
    cleanup();
    const zh = await renderStudio(<StudioBar leave={leave} onTimeUp={() => {}} />, { procedure: 'rf', language: 'zh' });
    act(() => zh.store.setState({ phase: 'running', counts: { samples: 0, pulses: 1, contacts: 0, steps: 0 } }));
    expect(counts()).toBe('脉冲 1 次');
  });
});

describe('scoring provenance in the debrief', () => {
  const provenance = { engineVersion: '2.1.0', rulesHash: '3ecc896fabcdef', scenarioHash: 'ffff', headModelSha256: '67cf32f0123456' };

  it('is labelled as being for examiners, the ids marked as code in English', async () => {
    for (const [language, text] of [
      ['zh', '评分依据（供考官核对）：评分引擎 2.1.0 · 规则 3ecc896f · 头模 67cf32f0'],
      ['en', 'Scoring provenance (for examiners): engine 2.1.0 · rules 3ecc896f · head model 67cf32f0'],
    ] as const) {
      await inLanguage(language);
      const { container } = render(<Provenance provenance={provenance} />);
      expect(screen.getByTestId('provenance').textContent).toBe(text);
      expect([...container.querySelectorAll('code[lang="en"]')].map((c) => c.textContent)).toEqual(['2.1.0', '3ecc896f', '67cf32f0']);
      // Secondary: small print under the attempt note.
      expect(container.querySelector('[data-testid="provenance"] small')).not.toBeNull();
      expect(findUntranslatedText(container, language)).toEqual([]);
      cleanup();
    }
  });
});

describe('problems in a recording file', () => {
  it('names the part of the recording at fault from the JSON pointer', () => {
    expect(recordingPlace('/pulses/2/n')).toEqual({ section: 'pulses', entry: 3 });
    expect(recordingPlace('/samples')).toEqual({ section: 'samples' });
    expect(recordingPlace('/case/conditions/0/id')).toEqual({ section: 'case' });
    expect(recordingPlace('/startedAt')).toEqual({ section: 'header' });
    expect(recordingPlace('/')).toEqual({ section: 'header' });
  });

  it('says it in the UI language first, the pointer and core\'s English message after it, marked lang="en"', async () => {
    const problem = { kind: 'invalid', fileName: 'session-7.json', pointer: '/pulses/2/n', message: 'expected a unit normal (length 1 ± 0.01), length is 2.0000' } as const;
    for (const [language, sentence] of [
      ['zh', 'session-7.json：第 3 条射频脉冲不符合记录格式。'],
      ['en', 'session-7.json: entry 3 of the RF pulses does not match the recording format.'],
    ] as const) {
      await inLanguage(language);
      const { container } = render(
        <p data-testid="line">
          <FileProblemText problem={problem} />
        </p>,
      );
      const line = screen.getByTestId('line');
      expect(line.textContent!.startsWith(sentence)).toBe(true);
      const detail = line.querySelector('[lang="en"]')!;
      expect(detail.textContent).toBe(`${problem.pointer} ${problem.message}`);
      // Outside the English detail and the file's own name, nothing in another language.
      expect(line.querySelector('[data-user-content]')!.textContent).toBe('session-7.json');
      expect(findUntranslatedText(container, language)).toEqual([]);
      cleanup();
    }
  });
});
