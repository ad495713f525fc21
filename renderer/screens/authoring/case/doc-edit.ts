// Editing a half-written document without trusting its shape: read a value at a path, write one (copying
// only the objects on the way, removing a key when the value is undefined), and find the problems whose
// JSON pointer names a field. The forms render fields from these; nothing here assumes the document is valid.

import type { AuthoringProblem } from '../../../../core/api/schemas/authoring';

export type Path = readonly (string | number)[];
type Obj = Record<string, unknown>;

export const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function getAt(doc: unknown, path: Path): unknown {
  let cur: unknown = doc;
  for (const key of path) {
    if (Array.isArray(cur) && typeof key === 'number') cur = cur[key];
    else if (isObject(cur) && typeof key === 'string') cur = cur[key];
    else return undefined;
  }
  return cur;
}

export function setAt(doc: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path;
  if (typeof key === 'number') {
    const list = Array.isArray(doc) ? [...(doc as unknown[])] : [];
    list[key] = setAt(list[key], rest, value);
    return list;
  }
  const obj: Obj = isObject(doc) ? { ...doc } : {};
  const next = setAt(obj[key], rest, value);
  if (next === undefined) delete obj[key];
  else obj[key] = next;
  return obj;
}

export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
export const strList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** RFC 6901 pointer of a path: /findings/0/regions. */
export function pointerOf(path: Path): string {
  return path.map((k) => `/${String(k).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** A place in the form that shows problems: its pointer, and whether problems below it show there too. */
export interface Placed {
  pointer: string;
  deep?: boolean;
}

const covers = (place: Placed, pointer: string) => pointer === place.pointer || (place.deep === true && pointer.startsWith(`${place.pointer}/`));

export function problemsAt(problems: readonly AuthoringProblem[], pointer: string, deep = false): string[] {
  return problems.filter((p) => covers({ pointer, deep }, p.pointer)).map((p) => p.message);
}

/** Problems that no field of the form shows: they go at the top. */
export function unplacedProblems(problems: readonly AuthoringProblem[], places: readonly Placed[]): AuthoringProblem[] {
  return problems.filter((p) => !places.some((place) => covers(place, p.pointer)));
}

/** Toggles a value in a list, keeping the list's order. */
export function toggled<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}
