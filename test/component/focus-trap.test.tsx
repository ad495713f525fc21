// Modal dialogs keep keyboard focus inside them: Tab from the last control returns to the first, and
// Shift+Tab from the first goes to the last.

import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { trapTab } from '../../renderer/app/ui/focus-trap';

describe('the focus trap of modal dialogs', () => {
  it('wraps Tab and Shift+Tab at the ends and leaves other keys alone', () => {
    render(
      <div role="dialog" aria-modal="true" onKeyDown={trapTab}>
        <button type="button">first</button>
        <input aria-label="middle" />
        <button type="button" disabled>
          off
        </button>
        <button type="button">last</button>
      </div>,
    );
    const first = screen.getByRole('button', { name: 'first' });
    const last = screen.getByRole('button', { name: 'last' });
    last.focus();
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);
    const middle = screen.getByLabelText('middle');
    middle.focus();
    fireEvent.keyDown(middle, { key: 'Tab' });
    expect(document.activeElement).toBe(middle);
  });
});
