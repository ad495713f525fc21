// Leaving a running session asks first, and the question is safe from the keyboard: it opens on the choice
// to stay (leaving cannot be undone: the attempt is kept, abandoned), Escape stays, Tab keeps to the dialog,
// focus goes back to Back after staying; the leaving button is still the visibly main one.

import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderStudioScreen } from './studio-setup';

vi.mock('../../renderer/studio/scene/StudioCanvas', () => ({
  StudioCanvas: ({ label }: { label: string }) => <div className="studio-canvas" role="img" aria-label={label} />,
}));

afterEach(cleanup);

describe('leaving a running session', () => {
  it('opens on Stay, stays on Escape with focus back on Back, keeps Tab inside, and leaves on the primary button', async () => {
    const { onExit } = await renderStudioScreen();
    fireEvent.click(await screen.findByTestId('start-session'));
    await screen.findByTestId('end-session');
    const back = screen.getByTestId('studio-exit');
    back.focus();
    fireEvent.click(back);
    const dialog = screen.getByTestId('leave-dialog');
    expect(document.activeElement).toBe(screen.getByTestId('leave-cancel'));
    expect(screen.getByTestId('leave-confirm').className).toContain('primary');
    expect(screen.getByTestId('leave-cancel').className).not.toContain('primary');
    // Tab from the last button wraps to the first, inside the dialog.
    fireEvent.keyDown(screen.getByTestId('leave-cancel'), { key: 'Tab' });
    expect(document.activeElement).toBe(screen.getByTestId('leave-confirm'));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByTestId('leave-dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('studio-exit'));
    expect(screen.getByTestId('end-session')).toBeTruthy();
    // Asked again, leaving keeps the attempt (abandoned) and goes back.
    fireEvent.click(screen.getByTestId('studio-exit'));
    fireEvent.click(screen.getByTestId('leave-confirm'));
    await waitFor(() => expect(onExit).toHaveBeenCalledOnce());
  });
});
