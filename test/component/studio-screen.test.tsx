import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HeadModelFormatError } from '../../core/head-model/format';
import { initI18n, setLanguage } from '../../renderer/i18n';
import { StudioScreen } from '../../renderer/studio/StudioScreen';

afterEach(cleanup);

describe('the studio screen', () => {
  it('says the head is loading, then names the file and offset when the head cannot be decoded, with a way back', async () => {
    await initI18n('en');
    await setLanguage('en');
    let fail: (e: Error) => void = () => {};
    const onExit = vi.fn();
    render(<StudioScreen procedure="roller" onExit={onExit} loadHeadModel={() => new Promise((_, reject) => (fail = reject))} />);
    expect(screen.getByRole('status').textContent).toBe('Loading the head…');
    fail(new HeadModelFormatError('assets/head/head-model.bin offset 0', 'magic is "XXXX", expected "MNHM"'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('assets/head/head-model.bin offset 0: magic is "XXXX"'));
    screen.getByRole('button', { name: 'Back' }).click();
    expect(onExit).toHaveBeenCalledOnce();
  });
});
