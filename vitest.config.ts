import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// `electron` must never be imported for real in tests: the binary cannot be downloaded everywhere,
// and importing the package outside the binary tries to. Every project aliases it to a test double.
const electronDouble = fileURLToPath(new URL('./test/doubles/electron.ts', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { electron: electronDouble } },
  test: {
    // Tests assert behaviour, never speed (speed is `npm run bench`): a slow or busy machine, where a
    // whole-bank export or a lazily loaded chunk takes several seconds, must not fail a test on time alone.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/unit/**/*.test.ts', 'test/security/**/*.test.ts', 'test/scene/**/*.test.{ts,tsx}', 'test/reliability/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['test/component/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
