// The layer rules in eslint.config.mjs, through ESLint's Node API: a snippet per forbidden import, written as
// a file of each layer, must be reported, and the imports each layer needs must not be. Removing or loosening
// a rule fails here, not just silently in `npm run lint`.

import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const REPO = path.resolve(__dirname, '..', '..', '..');
const LAYER_RULES = new Set(['no-restricted-imports', 'no-restricted-syntax']);

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: REPO });
});

/** Every way a module can be pulled in, for one specifier. */
const forms = (spec: string) => ({
  import: `import x from '${spec}';\nexport default x;\n`,
  'type import': `import type { X } from '${spec}';\nexport type Y = X;\n`,
  're-export': `export * from '${spec}';\n`,
  'dynamic import': `export async function load() {\n  return import('${spec}');\n}\n`,
  'import type query': `export type T = typeof import('${spec}');\n`,
});

async function layerMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO, file), warnIgnored: true });
  expect(result.messages.filter((m) => m.fatal), `${file} did not parse`).toEqual([]);
  return result.messages.filter((m) => m.ruleId !== null && LAYER_RULES.has(m.ruleId)).map((m) => m.message);
}

const FORBIDDEN: Record<string, { file: string; specs: string[] }> = {
  'core/ (outside core/node/)': {
    file: 'core/scoring/layer-snippet.ts',
    specs: [
      'electron',
      'electron/main',
      '../../electron/services/people',
      '../../electron/main/ipc',
      '../../renderer/app/store',
      '../../renderer/api/client',
      'three',
      'three/examples/jsm/controls/OrbitControls.js',
      'three-mesh-bvh',
      '@react-three/fiber',
      'react',
      'react-dom/client',
      'react/jsx-runtime',
      'zustand',
      'zustand/middleware',
      'node:fs',
      'node:sqlite',
      'node:crypto',
      'fs',
      'fs/promises',
      'path',
      'os',
      'child_process',
      '../node/surface',
    ],
  },
  'core/api/ (deeper in core)': { file: 'core/api/schemas/layer-snippet.ts', specs: ['../../../electron/services/audit', '../../../renderer/app/store', '../../node/head-model-file', 'node:path'] },
  'renderer/': {
    file: 'renderer/app/layer-snippet.tsx',
    specs: ['electron', 'electron/renderer', '../../electron/services', '../../electron/web/server', '../../electron/main/ipc', 'node:fs', 'node:path', 'fs', 'path', 'crypto'],
  },
  'renderer/ (deeper)': { file: 'renderer/studio/store/layer-snippet.ts', specs: ['../../../electron/services/attempts/service', 'node:sqlite'] },
  'electron/services/': { file: 'electron/services/layer-snippet.ts', specs: ['electron', 'electron/main', '../main/composition', '../preload/preload', '../../renderer/app/store'] },
  'electron/services/ (deeper)': { file: 'electron/services/db/layer-snippet.ts', specs: ['electron', '../../main/ipc'] },
};

const ALLOWED: Record<string, { file: string; specs: string[] }> = {
  'core/': { file: 'core/scoring/layer-snippet.ts', specs: ['zod', '../recording/types', './score', '../api/contract', '../anatomy/regions'] },
  'core/node/': { file: 'core/node/layer-snippet.ts', specs: ['node:fs', 'node:path', 'fs', '../scoring/score', '../surface/surface'] },
  'renderer/': { file: 'renderer/app/layer-snippet.tsx', specs: ['react', 'react-dom/client', 'three', '@react-three/fiber', 'zustand', '../../core/api/contract', '../../core/recording/types', './store'] },
  'electron/services/': { file: 'electron/services/layer-snippet.ts', specs: ['node:sqlite', 'node:crypto', 'zod', '../../core/api/contract', './audit', '../../core/node/surface'] },
  'electron/main/': { file: 'electron/main/layer-snippet.ts', specs: ['electron', '../services', 'node:path'] },
  'test/ (exempt)': { file: 'test/unit/layer-snippet.test.ts', specs: ['electron', 'node:fs', '../../electron/services', '../../renderer/app/store'] },
};

describe('layer rules (eslint.config.mjs)', () => {
  for (const [layer, { file, specs }] of Object.entries(FORBIDDEN)) {
    it(`${layer} may not import any of its ${specs.length} forbidden modules, in any form`, async () => {
      const missed: string[] = [];
      for (const spec of specs) {
        for (const [form, code] of Object.entries(forms(spec))) {
          const messages = await layerMessages(file, code);
          if (messages.length === 0) missed.push(`${form} of '${spec}'`);
        }
      }
      expect(missed, `not reported in ${file}`).toEqual([]);
    });
  }

  for (const [layer, { file, specs }] of Object.entries(ALLOWED)) {
    it(`${layer} may import what it needs (${specs.length} modules)`, async () => {
      for (const spec of specs) {
        for (const [form, code] of Object.entries(forms(spec))) expect(await layerMessages(file, code), `${form} of '${spec}' in ${file}`).toEqual([]);
      }
    });
  }

  it('says why: the message names the layer rule', async () => {
    expect(await layerMessages('core/scoring/layer-snippet.ts', forms('electron').import)).toEqual([expect.stringContaining('Electron is wired in electron/main only')]);
    expect((await layerMessages('renderer/app/layer-snippet.tsx', forms('../../electron/services').import))[0]).toContain('window.api');
    expect((await layerMessages('electron/services/layer-snippet.ts', forms('electron').import))[0]).toContain('Electron is wired in electron/main only');
  });
});
