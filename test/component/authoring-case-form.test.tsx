// The patient case form as an instructor uses it: painting a finding on the head (through its region
// list), the decision the conditions call for following them live, problems at their fields, and both
// languages without untranslated text.

import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthoringProblem } from '../../core/api/schemas/authoring';
import type { PatientCaseDoc } from '../../core/exams/format/case';
import { HISTORY_TOPIC_IDS } from '../../core/exams/format/history-topics';
import { initI18n } from '../../renderer/i18n';
import { newPatientCase } from '../../renderer/screens/authoring/case/case-doc';
import { CaseForm } from '../../renderer/screens/authoring/case/CaseForm';
import { HeadLoaderContext } from '../../renderer/screens/exams/head/RegionHead';
import type { HeadVariantId } from '../../core/head-model/variants';
import type { HeadModel } from '../../core/surface/surface';
import { findUntranslatedText } from './shell-text-audit';

const NO_HEAD = () => Promise.reject(new Error('assets/head/head-model.json: cannot be fetched (no server in tests)'));

afterEach(async () => {
  cleanup();
  await initI18n('zh');
});

async function renderForm(options: { language?: 'zh' | 'en'; problems?: AuthoringProblem[]; document?: unknown; loadHead?: (variant: HeadVariantId) => Promise<HeadModel> } = {}) {
  await initI18n(options.language ?? 'zh');
  const state: { doc: unknown } = { doc: options.document ?? newPatientCase('herpes-lips') };
  function Stateful() {
    const [doc, setDoc] = useState<unknown>(state.doc);
    return (
      <HeadLoaderContext.Provider value={options.loadHead ?? NO_HEAD}>
        <CaseForm
          document={doc}
          problems={options.problems ?? []}
          onChange={(next) => {
            state.doc = next;
            setDoc(next);
          }}
        />
      </HeadLoaderContext.Provider>
    );
  }
  const view = render(<Stateful />);
  return { view, current: () => state.doc as PatientCaseDoc };
}

const liveDecision = () => screen.getByRole('status', { name: /按病例情况应作的决定|What the conditions call for/ }).textContent ?? '';

describe('the patient case form', () => {
  it('starts a new case from a complete skeleton: every history topic present with an empty answer', async () => {
    const skeleton = newPatientCase();
    expect(skeleton.kind).toBe('patient-case');
    expect(skeleton.formatVersion).toBe(1);
    expect(Object.keys(skeleton.history)).toEqual([...HISTORY_TOPIC_IDS]);
    await renderForm();
    expect(screen.getByLabelText('版本（只读）')).toHaveProperty('readOnly', true);
    expect(screen.getAllByRole('textbox', { name: '患者回答（英文）' })).toHaveLength(HISTORY_TOPIC_IDS.length);
  });

  it('paints a finding on a region picked in the region list, with its appearance', async () => {
    const { current } = await renderForm();
    fireEvent.click(screen.getByRole('button', { name: '添加检查发现' }));
    const finding = screen.getByRole('group', { name: '发现 1' });
    fireEvent.change(within(finding).getByLabelText('皮损形态'), { target: { value: 'vesicles' } });
    fireEvent.click(within(finding).getByRole('button', { name: '在头模上选择部位' }));
    const list = within(finding).getByRole('group', { name: '所在部位：部位列表' });
    fireEvent.click(within(list).getByRole('button', { name: '口周' }));
    expect(current().findings).toEqual([{ id: 'finding-1', regions: ['perioral'], appearance: 'vesicles', description: { zh: '', en: '' } }]);
    expect(within(list).getByRole('button', { name: '口周' }).getAttribute('aria-pressed')).toBe('true');
    // Painted in the appearance's colour, as the trainee will see it.
    expect(within(list).getByRole('button', { name: '口周' }).querySelector('.region-swatch')).not.toBeNull();
    const summary = finding.querySelector('.authoring-region-summary');
    expect(summary?.textContent).toBe('口周');
    expect(summary?.querySelector('.region-swatch')?.getAttribute('style')).toMatch(/background/);
    // The head itself fails visibly in happy-dom (no WebGL), never silently.
    expect(await within(finding).findByRole('alert', {}, { timeout: 10_000 })).toBeTruthy();
  });

  it("paints on the patient's own head: the woman's, and the man's once the patient is male", async () => {
    const asked: HeadVariantId[] = [];
    const loadHead = (variant: HeadVariantId) => {
      asked.push(variant);
      return NO_HEAD();
    };
    await renderForm({ loadHead });
    fireEvent.click(screen.getByRole('button', { name: '添加检查发现' }));
    const finding = screen.getByRole('group', { name: '发现 1' });
    fireEvent.click(within(finding).getByRole('button', { name: '在头模上选择部位' }));
    await within(finding).findByRole('alert', {}, { timeout: 10_000 });
    expect(asked).toEqual(['female']);
    fireEvent.change(screen.getByLabelText('性别'), { target: { value: 'male' } });
    await waitFor(() => expect(asked).toEqual(['female', 'male']));
  });

  it('shows live the decision the conditions call for: active herpes on the lips is treat with limits', async () => {
    const { current } = await renderForm();
    fireEvent.click(screen.getByRole('button', { name: '在头模上选择部位' }));
    fireEvent.click(within(screen.getByRole('group', { name: '拟治疗部位：部位列表' })).getByRole('button', { name: '口周' }));
    expect(current().plannedRegions).toEqual(['perioral']);
    expect(liveDecision()).toContain('按病例情况应作的决定：按计划治疗');

    const conditions = screen.getByRole('group', { name: '存在的禁忌证与风险情况（第 6、13 章）' });
    fireEvent.click(within(conditions).getByRole('checkbox', { name: /^6\.3 局部病毒.*（局部禁忌证）$/ }));
    // Without regions a local infection counts for the whole patient.
    expect(liveDecision()).toContain('暂缓或拒绝治疗');
    const regions = screen.getByRole('group', { name: /^受累部位：局部病毒/ });
    fireEvent.click(within(regions).getByRole('button', { name: '在头模上选择部位' }));
    fireEvent.click(within(regions).getByRole('button', { name: '唇红（禁区）' }));
    expect(current().conditions).toEqual([{ id: 'local-infection', regions: ['lips'] }]);
    expect(liveDecision()).toContain('按病例情况应作的决定：限制性治疗');
    // The author still says "treat": the form says they disagree.
    expect(liveDecision()).toContain('预期决定与病例情况不符');
    fireEvent.change(screen.getByLabelText('预期决定'), { target: { value: 'limit' } });
    expect(current().expected.decision).toBe('limit');
    expect(liveDecision()).not.toContain('不符');
  });

  it('says so when a half-written case cannot be evaluated', async () => {
    await renderForm({ document: { kind: 'patient-case', formatVersion: 1, id: 'half' } });
    expect(liveDecision()).toContain('暂无法判断');
  });

  it('shows a problem at its field and the others at the top', async () => {
    await renderForm({
      problems: [
        { pointer: '/history/goals/answer/en', message: 'expected a non-empty text' },
        { pointer: '/findings/3/regions', message: 'a finding lies on at least one region' },
      ],
    });
    const goals = screen.getByRole('group', { name: /^1\. 这次想解决什么问题/ });
    const answer = within(goals).getByLabelText('患者回答（英文）');
    expect(answer.getAttribute('aria-invalid')).toBe('true');
    const described = (answer.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('expected a non-empty text');
    expect(within(goals).getByLabelText('患者回答（中文）').getAttribute('aria-invalid')).toBeNull();
    const top = screen.getByRole('alert');
    expect(top.textContent).toContain('/findings/3/regions');
    expect(top.textContent).not.toContain('/history/goals');
  });

  it('is complete in Chinese and in English', async () => {
    const problems = [{ pointer: '/patient/age', message: 'expected an adult or adolescent patient (age >= 16)' }];
    const doc = { ...newPatientCase(), findings: [{ id: 'f-1', regions: ['chin'], appearance: 'wart', description: { zh: '', en: '' }, reveals: ['local-infection', 'new-products'] }] };
    const zh = await renderForm({ problems, document: doc });
    expect(findUntranslatedText(zh.view.container, 'zh')).toEqual([]);
    expect(screen.getByLabelText('年龄（岁）').getAttribute('aria-invalid')).toBe('true');
    cleanup();
    const en = await renderForm({ language: 'en', problems, document: doc });
    expect(liveDecision()).toContain('The conditions call for: Treat as planned');
    expect(screen.getAllByRole('textbox', { name: "Patient's answer (English)" })).toHaveLength(HISTORY_TOPIC_IDS.length);
    // The English heading of clause 8.2 names the 米 pattern itself (core/standard/clauses.ts).
    expect(findUntranslatedText(en.view.container, 'en').filter((p) => !/米[ -]/.test(p))).toEqual([]);
  });
});
