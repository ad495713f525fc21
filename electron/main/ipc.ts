// IPC: every call in the contract is registered here, through this one function, and nowhere else.
// Each message is checked for its sender (the app's own top frame) before the dispatcher validates the
// payload against the contract; whatever arrives, the renderer gets an ApiResult back.

import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { API_CALL_NAMES, apiChannel } from '../../core/api/call-names';
import type { ApiDispatcher } from '../../core/api/dispatch';
import type { ApiResult } from '../../core/api/errors';
import { isAppUrl } from './security';

/** The sender must be the top frame of one of our windows, showing an app:// page. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): boolean {
  const frame = event.senderFrame;
  if (!frame) return false; // the frame navigated away or was destroyed before the message was handled
  if (frame !== event.sender.mainFrame) return false; // no calls from iframes
  return isAppUrl(frame.url);
}

export function registerApiHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatch: ApiDispatcher,
  isTrusted: (event: IpcMainInvokeEvent) => boolean = isTrustedSender,
): () => void {
  for (const name of API_CALL_NAMES) {
    ipcMain.handle(apiChannel(name), async (event, payload: unknown): Promise<ApiResult<unknown>> => {
      if (!isTrusted(event)) {
        return { ok: false, error: { code: 'forbidden', message: `${name} was called from a frame that is not the app` } };
      }
      // Sign-ins belong to the window: main maps its webContents to the person signed in there.
      if (typeof event.sender.id !== 'number') return { ok: false, error: { code: 'forbidden', message: `${name} came from a sender without an id` } };
      return dispatch(name, payload, { clientKey: `window:${event.sender.id}` });
    });
  }
  return () => {
    for (const name of API_CALL_NAMES) ipcMain.removeHandler(apiChannel(name));
  };
}
