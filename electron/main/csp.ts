// The one Content-Security-Policy of the app. index.html carries it as a meta tag (a test keeps the two
// equal); the app:// protocol and the web server also send it as a header, with the directives that only
// work in headers. No 'unsafe-eval' and no inline script: three.js and React need neither.

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // data:/blob: are how three.js hands textures embedded in glTF to the image decoder.
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

/** Header form: adds what a meta tag cannot express. */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
