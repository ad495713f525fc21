// Canonical JSON in the manner of RFC 8785 (JCS), for hashing: object members sorted by their names'
// UTF-16 code units, no whitespace, arrays in order, numbers and strings as JSON.stringify writes them
// (ECMAScript's shortest round-trip form, which JCS adopts). Refuses what JSON cannot say exactly.

export function canonicalJson(value: unknown): string {
  return write(value, new Set<object>(), '');
}

function write(value: unknown, open: Set<object>, at: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} at ${at || '/'} is not a finite number`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      // undefined (outside an object member), functions, symbols, bigints.
      throw new TypeError(`canonicalJson: cannot encode a ${typeof value} at ${at || '/'}`);
  }
  const obj = value as object;
  const withToJson = obj as { toJSON?: unknown };
  if (typeof withToJson.toJSON === 'function') return write((withToJson.toJSON as () => unknown).call(obj), open, at);
  if (open.has(obj)) throw new TypeError(`canonicalJson: circular reference at ${at || '/'}`);
  open.add(obj);
  let out: string;
  if (Array.isArray(obj)) {
    out = '[' + obj.map((v, i) => write(v, open, `${at}/${i}`)).join(',') + ']';
  } else {
    const record = obj as Record<string, unknown>;
    // Default sort compares UTF-16 code units, which is exactly JCS's order.
    const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
    out = '{' + keys.map((k) => JSON.stringify(k) + ':' + write(record[k], open, `${at}/${k}`)).join(',') + '}';
  }
  open.delete(obj);
  return out;
}
