// The app:// protocol: the UI is served from dist/renderer as app://app/..., never from file://, so the
// page has a real origin, CSP headers apply, and a path can never reach outside the renderer folder.

import { protocol, type Session } from 'electron';
import { APP_HOST, APP_SCHEME, readAppFile, SECURITY_HEADERS } from './app-files';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: true } },
  ]);
}

export async function appProtocolResponse(requestUrl: string, rendererDir: string): Promise<Response> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return new Response('Bad request', { status: 400, headers: { ...SECURITY_HEADERS } });
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return new Response('Not found', { status: 404, headers: { ...SECURITY_HEADERS } });
  }
  const file = await readAppFile(rendererDir, url.pathname);
  return new Response(new Uint8Array(file.body), { status: file.status, headers: file.headers });
}

export function handleAppProtocol(ses: Session, rendererDir: string): void {
  ses.protocol.handle(APP_SCHEME, (request) => appProtocolResponse(request.url, rendererDir));
}
