// The engine's index of which part raises which rule (ENGINE_RULES in core/scoring/live.ts) against the parts'
// sources, both ways; and the parts' size and layering.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../../core/rules/catalogue';
import { ENGINE_RULES } from '../../../../core/scoring/live';

const dir = new URL('../../../../core/scoring/engine/', import.meta.url);
const source = (file: string) => readFileSync(new URL(file, dir), 'utf8');
const FILES: Record<keyof typeof ENGINE_RULES, string[]> = {
  protocol: ['protocol.ts'],
  coverage: ['coverage.ts'],
  roller: ['roller.ts', 'roller-coverage.ts'],
  rf: ['rf.ts'],
  nano: ['nano.ts'],
};
const catalogueIds = new Set(RULES.map((r) => r.id));

describe('engine parts', () => {
  it('raise the rules the index gives them, and only those', () => {
    for (const [part, ids] of Object.entries(ENGINE_RULES) as [keyof typeof ENGINE_RULES, readonly string[]][]) {
      const src = FILES[part].map(source).join('\n');
      for (const id of ids) expect(src, `${part} raises ${id}`).toContain(`'${id}'`);
      const named = [...src.matchAll(/'([a-z0-9-]+)'/g)].map((m) => m[1]).filter((id) => catalogueIds.has(id));
      expect(named.filter((id) => !ids.includes(id)), `${part} names rules missing from its index`).toEqual([]);
    }
  });

  it('name only catalogue rules', () => {
    for (const ids of Object.values(ENGINE_RULES)) for (const id of ids) expect(catalogueIds.has(id), id).toBe(true);
  });

  it('are each under 400 lines and never import the engine that composes them (live.ts, score.ts)', () => {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const src = source(f);
      expect(src.split('\n').length, f).toBeLessThan(400);
      expect(src, f).not.toMatch(/from '\.\.\/(live|score)'/);
      expect(src, f).not.toMatch(/from '(\.\.\/){3}/); // nothing outside core/
    }
  });
});
