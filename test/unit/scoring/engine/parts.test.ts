// The engine's parts: their size and layering. (test/unit/rules/catalogue.test.ts checks that the parts
// raise every session rule and read every simulator default.)
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../../../core/scoring/engine/', import.meta.url);
const source = (file: string) => readFileSync(new URL(file, dir), 'utf8');

describe('engine parts', () => {
  it('are each under 400 lines and never import the engine that composes them (live.ts, score.ts)', () => {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const src = source(f);
      expect(src.split('\n').length, f).toBeLessThan(400);
      expect(src, f).not.toMatch(/from '\.\.\/(live|score)'/);
      expect(src, f).not.toMatch(/from '(\.\.\/){3}/); // nothing outside core/
    }
  });
});
