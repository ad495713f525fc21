// Electron's security checklist, in one place: the window's web preferences, what a page may navigate
// to or open, which external links go to the OS browser, and permissions (all denied).

import { app, shell, type Session, type WebContents } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-files';

/** True for URLs of the app itself (app://app/...). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Sites the app may open in the OS browser, by exact origin. Only the publisher of the standard the
 * simulator teaches; anything else a page tries to open is dropped.
 */
export const EXTERNAL_ORIGIN_ALLOWLIST: readonly string[] = ['https://www.capa.org.cn'];

export function isAllowedExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && EXTERNAL_ORIGIN_ALLOWLIST.includes(parsed.origin);
  } catch {
    return false;
  }
}

/** The only way the main process opens a URL outside the app. */
export async function openExternalIfAllowed(url: string): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false;
  await shell.openExternal(url);
  return true;
}

/** Navigation, redirects, new windows and webviews: nothing leaves the app. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    // The renderer is a single page; it never navigates, so any navigation is an injected link or script.
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalIfAllowed(url);
    return { action: 'deny' };
  });
}

/** Permission requests (camera, microphone, notifications, geolocation, ...) are denied by default. */
export function applySessionPolicy(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

/** Hardens every web contents the app ever creates, including ones created by a compromised page. */
export function installWebContentsHardening(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
