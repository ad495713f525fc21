// Moodle XML out of and into the question bank. multichoice (single true/false) and truefalse carry the
// choice questions; region questions have no Moodle type and are written as multichoice over the head
// regions' names, tagged "mn-type:region" and "mn-answer-mode:any|all", so they come back as region questions.
// Both languages travel as Moodle multilang spans; clauses, difficulty, id and version as tags.

import { HEAD_REGION_IDS, REGION_NAMES, type RegionId } from '../../anatomy/regions';
import { clauseById, isKnownClause } from '../../standard/clauses';
import type { Localized } from '../format/common';
import type { Question } from '../format/question';
import { CLAUSE_TAXONOMY } from './qti';
import { checkQuestion, child, elements, escapeText, onlyElements, parseXml, textOf, XML_DECLARATION, xmlEl, xmlText, type XmlElement } from './xml';

export interface MoodleImportResult {
  questions: Question[];
  rejected: { item: string; reason: string }[];
}

const multilang = (t: Localized) => `<span lang="zh" class="multilang">${escapeText(t.zh)}</span><span lang="en" class="multilang">${escapeText(t.en)}</span>`;
const htmlText = (name: string, t: Localized, extra = '') => xmlEl(name, { format: 'html' }, xmlText('text', {}, multilang(t)), extra);
const fraction = (n: number) => String(Math.round(n * 100000) / 100000);

/** The category of a question: the section of its first clause. */
export const categoryOf = (q: Question) => `$course$/${CLAUSE_TAXONOMY}/${clauseById(q.clauses[0])?.section ?? q.clauses[0].split('.')[0]}`;

function answer(frac: number, text: string): string {
  return xmlEl('answer', { fraction: fraction(frac), format: 'html' }, xmlText('text', {}, text), xmlEl('feedback', { format: 'html' }, xmlText('text', {}, '')));
}

function questionXml(q: Question): string {
  const tags = [`mn-id:${q.id}`, `mn-version:${q.version}`, `difficulty:${q.difficulty}`, ...q.clauses.map((c) => `clause:${c}`)];
  let type: string;
  let body: string[];
  if (q.type === 'true-false') {
    type = 'truefalse';
    body = [answer(q.key ? 100 : 0, 'true'), answer(q.key ? 0 : 100, 'false')];
  } else if (q.type === 'region') {
    type = 'multichoice';
    tags.push('mn-type:region', `mn-answer-mode:${q.answerMode}`);
    // Key regions first (in key order: it round-trips), then every other head region.
    const order: RegionId[] = [...q.key, ...HEAD_REGION_IDS.filter((r) => !(q.key as readonly string[]).includes(r))];
    const single = q.answerMode === 'any';
    body = [
      xmlText('single', {}, String(single)),
      xmlText('shuffleanswers', {}, 'true'),
      xmlText('answernumbering', {}, 'none'),
      ...order.map((r) => answer(q.key.includes(r) ? (single ? 100 : 100 / q.key.length) : single ? 0 : -100, multilang(REGION_NAMES[r]))),
    ];
  } else {
    type = 'multichoice';
    const single = q.type === 'single';
    const wrong = q.options.length - q.key.length;
    body = [
      xmlText('single', {}, String(single)),
      xmlText('shuffleanswers', {}, 'true'),
      xmlText('answernumbering', {}, 'abc'),
      ...q.options.map((o) => answer(q.key.includes(o.id) ? 100 / q.key.length : single ? 0 : -100 / wrong, multilang(o.text))),
    ];
  }
  const qtext = q.outsideStandard ? multilang(q.stem) + `<p class="mn-outside-standard">${multilang(q.outsideStandard.source)}</p>` : multilang(q.stem);
  return xmlEl(
    'question',
    { type },
    xmlEl('name', {}, xmlText('text', {}, q.id)),
    xmlEl('questiontext', { format: 'html' }, xmlText('text', {}, qtext)),
    htmlText('generalfeedback', q.explanation),
    xmlText('defaultgrade', {}, '1'),
    xmlText('penalty', {}, '0'),
    xmlText('hidden', {}, '0'),
    xmlText('idnumber', {}, q.id),
    ...body,
    xmlEl('tags', {}, ...tags.map((t) => xmlEl('tag', {}, xmlText('text', {}, t)))),
  );
}

/** Moodle XML (a <quiz>) of the questions, grouped under one category per standard section. */
export function exportMoodleXml(questions: readonly Question[]): string {
  const parts: string[] = [];
  let category = '';
  for (const q of questions) {
    const c = categoryOf(q);
    if (c !== category) {
      parts.push(xmlEl('question', { type: 'category' }, xmlEl('category', {}, xmlText('text', {}, c))));
      category = c;
    }
    parts.push(questionXml(q));
  }
  return XML_DECLARATION + xmlEl('quiz', {}, '\n', ...parts.map((p) => `${p}\n`)) + '\n';
}

// ---------------------------------------------------------------------------------------------- import

class Reject extends Error {}
const reject = (reason: string): never => {
  throw new Reject(reason);
};

/** Parses the HTML of a Moodle text field as multilang spans (and, for the question text, the outside-standard note). */
function readMultilang(html: string, field: string, allowNote = false): { text: Localized; note?: Localized } {
  let root: XmlElement;
  try {
    root = parseXml(`<r>${html}</r>`);
  } catch (error) {
    return reject(`${field}: the HTML is not the subset (multilang spans of plain text): ${(error as Error).message}`);
  }
  const spans = (el: XmlElement, f: string): Localized => {
    if (!onlyElements(el)) reject(`${f}: text outside <span lang class="multilang"> (both languages are required as multilang spans)`);
    const out: Partial<Localized> = {};
    for (const s of elements(el)) {
      if (s.local !== 'span' || s.attrs.class !== 'multilang') reject(`${f}: unexpected <${s.name}> (expected <span lang="zh|en" class="multilang">)`);
      const lang = s.attrs.lang;
      if (lang !== 'zh' && lang !== 'en') reject(`${f}: a multilang span with lang ${JSON.stringify(lang ?? '')}`);
      if (elements(s).length) reject(`${f}: markup inside the ${lang} text is not in the subset`);
      if (out[lang as 'zh' | 'en'] !== undefined) reject(`${f}: two ${lang} texts`);
      out[lang as 'zh' | 'en'] = textOf(s);
    }
    if (out.zh === undefined) reject(`${f}: no Chinese text (<span lang="zh" class="multilang">)`);
    if (out.en === undefined) reject(`${f}: no English text (<span lang="en" class="multilang">)`);
    return out as Localized;
  };
  const noteEl = allowNote ? elements(root).find((e) => e.local === 'p' && e.attrs.class === 'mn-outside-standard') : undefined;
  if (noteEl) root.children = root.children.filter((c) => c !== noteEl);
  return { text: spans(root, field), ...(noteEl ? { note: spans(noteEl, `${field} (outside-standard note)`) } : {}) };
}

function textField(q: XmlElement, name: string): string {
  const el = child(q, name);
  const t = el && child(el, 'text');
  if (!t) reject(`${name}: missing`);
  return textOf(t!);
}

function readQuestion(q: XmlElement, type: string): Question {
  const tags = (child(q, 'tags') ? elements(child(q, 'tags')!, 'tag') : []).map((t) => textOf(child(t, 'text') ?? t).trim());
  const tag = (prefix: string) => tags.filter((t) => t.startsWith(prefix)).map((t) => t.slice(prefix.length));
  const one = (prefix: string): string => {
    const v = tag(prefix);
    if (v.length !== 1) reject(`tags: expected exactly one "${prefix}…" tag, found ${v.length}`);
    return v[0];
  };
  const id = one('mn-id:');
  const version = Number(one('mn-version:'));
  const difficulty = Number(one('difficulty:'));
  const clauses = tag('clause:');
  if (clauses.length === 0) reject('tags: no "clause:…" tag');
  for (const c of clauses) if (!isKnownClause(c)) reject(`tags: "clause:${c}" is not a clause of ${CLAUSE_TAXONOMY}`);
  const qt = readMultilang(textField(q, 'questiontext'), 'questiontext', true);
  const explanation = readMultilang(textField(q, 'generalfeedback'), 'generalfeedback').text;
  const base = { id, version, clauses, difficulty, stem: qt.text, explanation, ...(qt.note ? { outsideStandard: { source: qt.note } } : {}) };
  const answers = elements(q, 'answer').map((a, i) => {
    const frac = Number(a.attrs.fraction);
    if (!Number.isFinite(frac)) reject(`answer ${i + 1} fraction: expected a number, found ${JSON.stringify(a.attrs.fraction ?? '')}`);
    return { frac, text: textOf(child(a, 'text') ?? a), i };
  });
  if (type === 'truefalse') {
    const t = answers.find((a) => a.text.trim() === 'true');
    const f = answers.find((a) => a.text.trim() === 'false');
    if (answers.length !== 2 || !t || !f) reject('truefalse answers: expected one "true" and one "false" answer');
    if ((t!.frac > 0) === (f!.frac > 0)) reject('truefalse answers: exactly one of "true" and "false" must carry the mark');
    return checkedQ({ ...base, type: 'true-false', key: t!.frac > 0 });
  }
  const singleText = child(q, 'single') ? textOf(child(q, 'single')!).trim() : 'true';
  if (singleText !== 'true' && singleText !== 'false' && singleText !== '1' && singleText !== '0') reject(`single: expected true or false, found ${JSON.stringify(singleText)}`);
  const single = singleText === 'true' || singleText === '1';
  if (answers.filter((a) => a.frac > 0).length === 0) reject('multichoice answers: no correct answer (no answer with a fraction above 0)');
  if (tags.includes('mn-type:region')) {
    const mode = one('mn-answer-mode:');
    if (mode !== 'any' && mode !== 'all') reject(`tags: mn-answer-mode must be "any" or "all", found ${JSON.stringify(mode)}`);
    if ((mode === 'any') !== single) reject(`single: must be ${mode === 'any'} for a region question with answerMode ${mode}`);
    const byName = (a: { text: string; i: number }): RegionId => {
      const t = readMultilang(a.text, `answer ${a.i + 1}`).text;
      const r = HEAD_REGION_IDS.find((h) => REGION_NAMES[h].zh === t.zh && REGION_NAMES[h].en === t.en);
      if (!r) reject(`answer ${a.i + 1}: ${JSON.stringify(t.en)} is not the name of a head region`);
      return r!;
    };
    const regions = answers.map((a) => ({ r: byName(a), frac: a.frac }));
    return checkedQ({ ...base, type: 'region', answerMode: mode, key: regions.filter((x) => x.frac > 0).map((x) => x.r) });
  }
  if (answers.length > 6) reject(`multichoice answers: ${answers.length} answers, at most 6 (options a-f) are supported`);
  const options = answers.map((a) => ({ id: 'abcdef'[a.i], text: readMultilang(a.text, `answer ${a.i + 1}`).text }));
  const key = answers.filter((a) => a.frac > 0).map((a) => 'abcdef'[a.i]);
  return checkedQ({ ...base, type: single ? 'single' : 'multiple', options, key });
}

function checkedQ(candidate: unknown): Question {
  const r = checkQuestion(candidate);
  if ('reason' in r) reject(r.reason);
  return (r as { question: Question }).question;
}

/** Reads Moodle XML: multichoice, truefalse and tagged region questions; anything else is rejected with the reason. */
export function importMoodleXml(xml: string): MoodleImportResult {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    return { questions: [], rejected: [{ item: '(file)', reason: `not well-formed XML: ${(error as Error).message}` }] };
  }
  if (root.local !== 'quiz') return { questions: [], rejected: [{ item: '(file)', reason: `root element: expected <quiz>, found <${root.name}>` }] };
  const questions: Question[] = [];
  const rejected: MoodleImportResult['rejected'] = [];
  const seen = new Set<string>();
  elements(root, 'question').forEach((q, n) => {
    const type = q.attrs.type ?? '';
    if (type === 'category') return;
    const nameEl = child(q, 'name');
    const name = (nameEl && textOf(child(nameEl, 'text') ?? nameEl).trim()) || `question ${n + 1}`;
    try {
      if (type !== 'multichoice' && type !== 'truefalse') reject(`type ${JSON.stringify(type)}: unsupported question type (only multichoice and truefalse are imported)`);
      const question = readQuestion(q, type);
      if (seen.has(question.id)) reject(`tags: mn-id ${JSON.stringify(question.id)} already imported from another question`);
      seen.add(question.id);
      questions.push(question);
    } catch (error) {
      if (!(error instanceof Reject)) throw error;
      rejected.push({ item: name, reason: error.message });
    }
  });
  return { questions, rejected };
}
