// A small, strict XML reader and writer for the documents the exam interop code emits and accepts (QTI 3.0
// items and manifests, Moodle XML). Pure functions, no DOM: elements, attributes, text, CDATA, comments, the
// five predefined entities and character references, and namespace prefixes. A DOCTYPE (and with it any
// custom entity) is refused, so a hostile document cannot expand entities or pull in external files.

import { questionSchema, type Question } from '../format/question';

export interface XmlElement {
  /** The name as written (e.g. "lom:taxon"). */
  name: string;
  /** The local name (e.g. "taxon"). */
  local: string;
  /** The namespace URI the prefix (or the default namespace) resolves to; "" for none. */
  ns: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export class XmlError extends Error {}

const NAME = /^[A-Za-z_][A-Za-z0-9._:-]*/;
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

function decodeEntities(s: string, at: () => string): string {
  return s.replace(/&([^;&\s]{0,12});?/g, (whole, body: string) => {
    if (!whole.endsWith(';')) throw new XmlError(`a bare "&" ${at()} (write &amp;)`);
    if (body === 'lt') return '<';
    if (body === 'gt') return '>';
    if (body === 'amp') return '&';
    if (body === 'quot') return '"';
    if (body === 'apos') return "'";
    const m = /^#(x[0-9a-fA-F]{1,6}|[0-9]{1,7})$/.exec(body);
    if (m) {
      const code = m[1].startsWith('x') ? parseInt(m[1].slice(1), 16) : parseInt(m[1], 10);
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw new XmlError(`an invalid character reference &${body}; ${at()}`);
      return String.fromCodePoint(code);
    }
    throw new XmlError(`an unknown entity &${body}; ${at()}`);
  });
}

/** Parses one XML document; throws XmlError with the line of the first problem. */
export function parseXml(input: string): XmlElement {
  let s = input;
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  let i = 0;
  const line = (p = i) => s.slice(0, p).split('\n').length;
  const at = () => `at line ${line()}`;
  const fail = (msg: string): never => {
    throw new XmlError(`${msg} at line ${line()}`);
  };
  const skipMisc = () => {
    for (;;) {
      while (i < s.length && /\s/.test(s[i])) i++;
      if (s.startsWith('<!--', i)) {
        const end = s.indexOf('-->', i + 4);
        if (end < 0) fail('an unclosed comment');
        i = end + 3;
      } else if (s.startsWith('<?', i)) {
        const end = s.indexOf('?>', i + 2);
        if (end < 0) fail('an unclosed processing instruction');
        i = end + 2;
      } else if (s.startsWith('<!DOCTYPE', i) || s.startsWith('<!doctype', i)) {
        fail('a DOCTYPE (not accepted)');
      } else return;
    }
  };

  type Scope = Map<string, string>;
  const parseElement = (scope: Scope): XmlElement => {
    if (s[i] !== '<') fail('expected an element');
    i++;
    const nm = NAME.exec(s.slice(i, i + 200));
    if (!nm) fail('expected an element name');
    const name = nm![0];
    i += name.length;
    const attrs: Record<string, string> = {};
    let selfClosing = false;
    for (;;) {
      const ws = /^\s*/.exec(s.slice(i, i + 1000))![0].length;
      i += ws;
      if (s.startsWith('/>', i)) {
        i += 2;
        selfClosing = true;
        break;
      }
      if (s[i] === '>') {
        i++;
        break;
      }
      if (ws === 0) fail(`expected whitespace, ">" or "/>" in <${name}>`);
      const an = NAME.exec(s.slice(i, i + 200));
      if (!an) fail(`expected an attribute name in <${name}>`);
      i += an![0].length;
      const eq = /^\s*=\s*/.exec(s.slice(i, i + 100));
      if (!eq) fail(`expected "=" after attribute ${an![0]}`);
      i += eq![0].length;
      const q = s[i];
      if (q !== '"' && q !== "'") fail(`expected a quoted value for attribute ${an![0]}`);
      const end = s.indexOf(q, i + 1);
      if (end < 0) fail(`an unclosed value for attribute ${an![0]}`);
      const raw = s.slice(i + 1, end);
      if (raw.includes('<')) fail(`a "<" in the value of attribute ${an![0]}`);
      if (an![0] in attrs) fail(`attribute ${an![0]} given twice`);
      attrs[an![0]] = decodeEntities(raw.replace(/[\t\n\r]/g, ' '), at);
      i = end + 1;
    }
    const inner: Scope = new Map(scope);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'xmlns') inner.set('', v);
      else if (k.startsWith('xmlns:')) inner.set(k.slice(6), v);
    }
    const colon = name.indexOf(':');
    const prefix = colon < 0 ? '' : name.slice(0, colon);
    const ns = prefix === 'xml' ? XML_NS : inner.get(prefix);
    if (ns === undefined) fail(`the namespace prefix "${prefix}" of <${name}> is not declared`);
    const el: XmlElement = { name, local: colon < 0 ? name : name.slice(colon + 1), ns: ns ?? '', attrs, children: [] };
    if (selfClosing) return el;
    let text = '';
    const flush = () => {
      if (text) el.children.push(text);
      text = '';
    };
    for (;;) {
      if (i >= s.length) fail(`<${name}> is not closed`);
      if (s.startsWith('</', i)) {
        const close = `</${name}`;
        if (!s.startsWith(close, i) || !/^\s*>/.test(s.slice(i + close.length, i + close.length + 50))) fail(`expected </${name}>`);
        i = s.indexOf('>', i) + 1;
        flush();
        return el;
      }
      if (s.startsWith('<!--', i)) {
        const end = s.indexOf('-->', i + 4);
        if (end < 0) fail('an unclosed comment');
        i = end + 3;
      } else if (s.startsWith('<![CDATA[', i)) {
        const end = s.indexOf(']]>', i + 9);
        if (end < 0) fail('an unclosed CDATA section');
        text += s.slice(i + 9, end);
        i = end + 3;
      } else if (s.startsWith('<?', i)) {
        const end = s.indexOf('?>', i + 2);
        if (end < 0) fail('an unclosed processing instruction');
        i = end + 2;
      } else if (s[i] === '<') {
        flush();
        el.children.push(parseElement(inner));
      } else {
        const next = s.indexOf('<', i);
        const end = next < 0 ? s.length : next;
        text += decodeEntities(s.slice(i, end), at);
        i = end;
      }
    }
  };

  skipMisc();
  if (i >= s.length) throw new XmlError('an empty document');
  const root = parseElement(new Map([['xml', XML_NS], ['', '']]));
  skipMisc();
  if (i < s.length) fail('content after the root element');
  return root;
}

/** Child elements, optionally only those with the given local name. */
export function elements(el: XmlElement, local?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && (local === undefined || c.local === local));
}
export function child(el: XmlElement, local: string): XmlElement | undefined {
  return elements(el, local)[0];
}
/** The text of an element and its descendants. */
export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
/** Whether an element holds only whitespace text besides its child elements. */
export function onlyElements(el: XmlElement): boolean {
  return el.children.every((c) => typeof c !== 'string' || c.trim() === '');
}

// Writing.

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
/** `<name a="1">…children…</name>`; attributes with an undefined value are left out; no children gives `<name/>`. */
export function xmlEl(name: string, attrs: Record<string, string | number | undefined>, ...children: string[]): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
    .join('');
  return children.length === 0 ? `<${name}${a}/>` : `<${name}${a}>${children.join('')}</${name}>`;
}
/** A text element: `<name>escaped text</name>`. */
export function xmlText(name: string, attrs: Record<string, string | number | undefined>, text: string): string {
  return xmlEl(name, attrs, escapeText(text) || '');
}
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

// Shared by the importers: a candidate built from a foreign file is accepted only if it is a valid Question.

/** The candidate as a Question, or the schema's first problems as one reason naming the fields. */
export function checkQuestion(candidate: unknown): { question: Question } | { reason: string } {
  const r = questionSchema.safeParse(candidate);
  if (r.success) return { question: r.data };
  return { reason: r.error.issues.slice(0, 5).map((i) => `${i.path.length ? i.path.join('.') : '(question)'}: ${i.message}`).join('; ') };
}
