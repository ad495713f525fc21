import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../renderer/app/ErrorBoundary';
import { initI18n, setLanguage } from '../../renderer/i18n';

function Boom(): never {
  throw new Error('chunk studio-abc.js failed to load');
}

function Harness({ onReset }: { onReset: () => void }) {
  const [broken, setBroken] = useState(true);
  return (
    <ErrorBoundary
      onReset={() => {
        setBroken(false);
        onReset();
      }}
    >
      {broken ? <Boom /> : <p>home again</p>}
    </ErrorBoundary>
  );
}

beforeAll(async () => {
  await initI18n('en');
});
afterEach(cleanup);

describe('ErrorBoundary', () => {
  it('replaces a crashed screen with an explanation and a way back', async () => {
    await setLanguage('en');
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const onReset = vi.fn();
    render(<Harness onReset={onReset} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('This page stopped working');
    expect(alert.textContent).toContain('chunk studio-abc.js failed to load');
    fireEvent.click(screen.getByRole('button', { name: 'Back to home' }));
    expect(onReset).toHaveBeenCalledOnce();
    expect(screen.getByText('home again')).toBeTruthy();
    consoleError.mockRestore();
  });

  it('speaks Chinese in the Chinese UI', async () => {
    await setLanguage('zh');
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    render(<Harness onReset={() => {}} />);
    expect(screen.getByRole('heading', { name: '此页面出错' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '返回首页' })).toBeTruthy();
    consoleError.mockRestore();
  });
});
