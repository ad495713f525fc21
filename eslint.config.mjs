import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// Layer rules: what each part of the app may import, for static imports, re-exports, import() and
// import('…') types alike. test/unit/training-file/layers.test.ts lints a snippet per forbidden import with
// this config, so a rule removed or loosened here fails the tests. Tests, scripts and benches are exempt.
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const FORBIDDEN = {
  electron: { regex: '^electron(/|$)', message: 'Electron is wired in electron/main only.' },
  node: {
    regex: `^(node:|(${builtinModules.filter((m) => !m.startsWith('_')).map(escape).join('|')})(/|$))`,
    message: 'Node built-ins belong to main (electron/) or to core/node/.',
  },
  ui: {
    regex: '^(react|react-dom|react-i18next|i18next|three|zustand)(/|$)|^(react-|three-|@react-three/)',
    message: 'core/ is UI-free: React, three and zustand belong to renderer/.',
  },
  upperLayers: { regex: '^(\\.\\./)+(electron|renderer)(/|$)', message: 'core/ must not import from electron/ or renderer/: they import core, never the other way.' },
  coreNode: { regex: '^(\\.\\.?/)+node(/|$)', message: 'core/ must not import core/node/ (the Node-only adapters import core, never the other way).' },
  electronDir: { regex: '^(\\.\\./)+electron(/|$)', message: 'renderer/ must not import from electron/: it calls main through window.api (core/api).' },
  mainOrPreload: { regex: '^(\\.\\./)+(main|preload)(/|$)', message: 'electron/services/ must not import electron/main or electron/preload (they import Electron).' },
  rendererDir: { regex: '^(\\.\\./)+renderer(/|$)', message: 'electron/services/ must not import from renderer/.' },
};

/** no-restricted-imports for import/export declarations, no-restricted-syntax for import() and import types. */
function layer(name, files, ignores, forbidden) {
  // esquery regex literals cannot contain '/'.
  const selectorRegex = (regex) => `/${regex.replaceAll('/', '\\x2F')}/`;
  return {
    name: `layers/${name}`,
    files,
    ignores,
    rules: {
      'no-restricted-imports': ['error', { patterns: forbidden.map(({ regex, message }) => ({ regex, message })) }],
      'no-restricted-syntax': [
        'error',
        ...forbidden.flatMap(({ regex, message }) => [
          { selector: `ImportExpression[source.value=${selectorRegex(regex)}]`, message },
          { selector: `TSImportType[argument.literal.value=${selectorRegex(regex)}]`, message },
        ]),
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-output/**', 'assets/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // core/ is shared by both processes: no React, three, DOM, Electron or Node, nothing from the layers above it.
  layer('core', ['core/**/*.{ts,tsx}'], ['core/node/**'], [FORBIDDEN.ui, FORBIDDEN.electron, FORBIDDEN.node, FORBIDDEN.upperLayers, FORBIDDEN.coreNode]),
  // The renderer runs sandboxed: it reaches main only through window.api (core/api), never electron/ or Node.
  layer('renderer', ['renderer/**/*.{ts,tsx}'], [], [FORBIDDEN.electron, FORBIDDEN.node, FORBIDDEN.electronDir]),
  // Services take ports, never Electron: the same code runs under Electron, `npm run web` and the tests.
  layer('electron-services', ['electron/services/**/*.{ts,tsx}'], [], [FORBIDDEN.electron, FORBIDDEN.mainOrPreload, FORBIDDEN.rendererDir]),
);
