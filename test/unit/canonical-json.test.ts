import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../core/canonical-json';

describe('canonicalJson', () => {
  it('sorts object members at every depth, writes no whitespace and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,1,{"y":null,"z":true}]},"b":1}');
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson('plain')).toBe('"plain"');
  });

  it('orders member names by UTF-16 code units (the RFC 8785 example)', () => {
    const value = { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' };
    const order = ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'] as const;
    // Read from the text: Object.keys would list the integer-like "1" first whatever the text says.
    expect(canonicalJson(value)).toBe('{' + order.map((k) => `${JSON.stringify(k)}:${JSON.stringify(value[k])}`).join(',') + '}');
  });

  it('writes Chinese text as is and sorts Chinese names by code unit', () => {
    const json = canonicalJson({ 颈部: 2, 额部: 1, en: { zh: '滚轮微针：额部', en: 'roller' } });
    // 颈 U+9888 < 额 U+989D; ASCII before both.
    expect(json).toBe('{"en":{"en":"roller","zh":"滚轮微针：额部"},"颈部":2,"额部":1}');
    expect(JSON.parse(json)).toEqual({ 颈部: 2, 额部: 1, en: { zh: '滚轮微针：额部', en: 'roller' } });
  });

  it('writes numbers as ECMAScript does (shortest round trip) and -0 as 0', () => {
    expect(canonicalJson([0.1, 1e21, 1e-7, -0, 100, 1 / 3, 4.5])).toBe('[0.1,1e+21,1e-7,0,100,0.3333333333333333,4.5]');
  });

  it('omits undefined members, and independent of insertion order gives one text', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
    expect(canonicalJson({ x: 1, y: [1, 2] })).toBe(canonicalJson({ y: [1, 2], x: 1 }));
  });

  it('refuses what JSON cannot say exactly', () => {
    expect(() => canonicalJson(NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ a: [1, Infinity] })).toThrow(/Infinity at \/a\/1 is not a finite number/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/cannot encode a function at \/f/);
    expect(() => canonicalJson({ s: Symbol('s') })).toThrow(TypeError);
    expect(() => canonicalJson({ n: 10n })).toThrow(/bigint/);
    expect(() => canonicalJson([undefined])).toThrow(TypeError);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow(/circular/);
  });

  it('uses toJSON like JSON.stringify (dates)', () => {
    expect(canonicalJson({ at: new Date('2026-01-01T00:00:00.000Z') })).toBe('{"at":"2026-01-01T00:00:00.000Z"}');
  });
});
