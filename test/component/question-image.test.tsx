// Question images (issue 9) in the renderer: the question form uploads a picked file through main, shows a
// preview, takes alt text in both languages and removes the image; the exam question shows the image (a
// data: URL from media.get) with its alt text in the UI language. Real services throughout.

import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppStoreContext, createAppStore } from '../../renderer/app/store';
import { initI18n } from '../../renderer/i18n';
import { QuestionView, type QuestionViewData } from '../../renderer/screens/exams/take/QuestionView';
import { seededInstitution } from '../helpers/training-services';
import { navTo, renderShell } from './shell-setup';

vi.mock('../../renderer/studio/StudioScreen', () => import('./shell-studio-stand-in'));
vi.mock('../../renderer/screens/exams/head/RegionCanvas', () => ({ default: () => <div className="region-canvas-stand-in" /> }));

const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

let disposers: (() => void)[] = [];
afterEach(async () => {
  cleanup();
  for (const d of disposers.reverse()) d();
  disposers = [];
  await initI18n('zh');
});

async function waitSaved() {
  await waitFor(() => expect(document.querySelector('.authoring-save-status')?.getAttribute('data-status')).toBe('saved'), { timeout: 3000 });
}

describe('question images', () => {
  it('the form uploads a picked image, previews it, takes alt text in both languages, and removes it', async () => {
    const s = await seededInstitution();
    disposers.push(() => s.services.dispose());
    await renderShell({ services: s, clientKey: 'window:instructor' });
    fireEvent.click(navTo('编写'));
    fireEvent.click(await screen.findByRole('tab', { name: '题目' }));
    fireEvent.click(await screen.findByRole('button', { name: '新建题目' }));
    const input = (await screen.findByLabelText('图片文件')) as HTMLInputElement;
    const file = new File([Buffer.from(PNG_1X1, 'base64')], 'eyelid.png', { type: 'image/png' });
    Object.defineProperty(input, 'files', { value: [file] });
    fireEvent.change(input);
    const preview = await screen.findByRole('group', { name: '图片预览' });
    await waitFor(() => expect(preview.querySelector('img')?.getAttribute('src')).toBe(`data:image/png;base64,${PNG_1X1}`));
    fireEvent.change(screen.getByLabelText('图片替代文字（中文）'), { target: { value: '眼睑示意图' } });
    fireEvent.change(screen.getByLabelText('图片替代文字（英文）'), { target: { value: 'Eyelid diagram' } });
    await waitSaved();
    await waitFor(async () => {
      const [draft] = s.ok(await s.instructor.authoring.drafts({ kind: 'question' }));
      expect(draft?.document).toMatchObject({ image: { mediaType: 'image/png', alt: { zh: '眼睑示意图', en: 'Eyelid diagram' } } });
      expect(draft?.problems.filter((p) => p.pointer.startsWith('/image'))).toEqual([]);
    });
    expect(screen.getByRole('img', { name: '眼睑示意图' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '移除图片' }));
    await waitSaved();
    await waitFor(async () => expect(s.ok(await s.instructor.authoring.drafts({ kind: 'question' }))[0]?.document).not.toHaveProperty('image'));
    expect(screen.queryByRole('group', { name: '图片预览' })).toBeNull();
  }, 20_000);

  it('the exam question shows its image with the alt text in the UI language', async () => {
    const s = await seededInstitution();
    disposers.push(() => s.services.dispose());
    const up = s.ok(await s.instructor.authoring.uploadMedia({ mediaType: 'image/png', base64: PNG_1X1 }));
    const question: QuestionViewData = {
      itemId: 'k1',
      type: 'true-false',
      stem: { zh: '图示区域推荐针长 0.25 mm。', en: 'The region shown takes a 0.25 mm needle.' },
      options: [],
      answerMode: null,
      outsideStandard: null,
      image: { sha256: up.sha256, mediaType: 'image/png', alt: { zh: '眼睑区域示意图', en: 'Diagram of the eyelid region' } },
    };
    for (const [language, alt] of [['en', 'Diagram of the eyelid region'], ['zh', '眼睑区域示意图']] as const) {
      await initI18n(language);
      const store = createAppStore(s.trainee);
      await store.getState().refreshAuth();
      render(
        <AppStoreContext.Provider value={store}>
          <QuestionView question={question} response={undefined} onAnswer={() => undefined} disabled={false} heading="1" />
        </AppStoreContext.Provider>,
      );
      const img = await screen.findByRole('img', { name: alt });
      expect(img.getAttribute('src')).toBe(`data:image/png;base64,${PNG_1X1}`);
      cleanup();
    }
  });
});
