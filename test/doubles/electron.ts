// Test double for the `electron` module. Only what the main process and preload use is modelled;
// tests inspect the recorded calls (e.g. which webPreferences a window got).
export const electronCalls: { method: string; args: unknown[] }[] = [];
function record(method: string, ...args: unknown[]) {
  electronCalls.push({ method, args });
}
export const app = {
  isPackaged: false,
  getPath: (name: string) => `/tmp/electron-double/${name}`,
  getLocale: () => 'zh-CN',
  getVersion: () => '0.0.0-test',
  whenReady: () => Promise.resolve(),
  on: (...args: unknown[]) => record('app.on', ...args),
  quit: () => record('app.quit'),
};
export default { app };
