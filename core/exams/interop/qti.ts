// QTI 3.0 content packages (zip with imsmanifest.xml and one qti-assessment-item per question) out of and
// into the question bank. Only a declared subset is written and read (docs/exam-interop.md): anything else
// is rejected item by item with the reason, and an item is either imported whole or not at all.

import { HEAD_REGION_IDS, REGION_NAMES } from '../../anatomy/regions';
import { clauseById, isKnownClause } from '../../standard/clauses';
import type { Localized } from '../format/common';
import type { Question } from '../format/question';
import { checkQuestion, child, elements, onlyElements, parseXml, textOf, XML_DECLARATION, xmlEl, xmlText, XmlError, type XmlElement } from './xml';
import { unzipTextFiles, zipTextFiles } from './zip';

export const QTI_NS = 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0';
export const QTI_XSD = 'https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd';
export const CP_NS = 'http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1';
export const LOM_NS = 'http://ltsc.ieee.org/xsd/LOM';
export const CLAUSE_TAXONOMY = '微针治疗操作规范';
export const HEAD_IMAGE = 'images/head-front.svg';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const ITEM_TYPE = 'imsqti_item_xmlv3p0';
const DIFFICULTY = ['easy', 'medium', 'difficult'] as const;
const TF_TEXT: Record<'true' | 'false', Localized> = { true: { zh: '正确', en: 'True' }, false: { zh: '错误', en: 'False' } };

/**
 * A stylised front view of the head (400 x 520, the patient facing the viewer, so the patient's left is on the
 * viewer's right): one circle (cx, cy, r) per head region at roughly its centroid. It is a schematic map for
 * hotspot interactions, not a projection of the 3D model; circles may overlap.
 */
export const HEAD_FRONT_LAYOUT: Record<(typeof HEAD_REGION_IDS)[number], [number, number, number]> = {
  scalp: [200, 40, 30],
  forehead: [200, 100, 34],
  'temple-left': [300, 130, 18],
  'temple-right': [100, 130, 18],
  'eyebrow-left': [255, 140, 12],
  'eyebrow-right': [145, 140, 12],
  'upper-eyelid-left': [255, 160, 9],
  'upper-eyelid-right': [145, 160, 9],
  'eye-left': [255, 175, 7],
  'eye-right': [145, 175, 7],
  'lower-eyelid-left': [255, 190, 9],
  'lower-eyelid-right': [145, 190, 9],
  'periorbital-left': [287, 178, 11],
  'periorbital-right': [113, 178, 11],
  nose: [200, 205, 16],
  nostrils: [200, 236, 7],
  'zygoma-left': [292, 222, 15],
  'zygoma-right': [108, 222, 15],
  'cheek-left': [265, 255, 18],
  'cheek-right': [135, 255, 18],
  'nasolabial-left': [230, 265, 8],
  'nasolabial-right': [170, 265, 8],
  lips: [200, 290, 13],
  perioral: [200, 313, 9],
  mentolabial: [200, 333, 8],
  chin: [200, 360, 16],
  'mandible-left': [277, 330, 18],
  'mandible-right': [123, 330, 18],
  'ear-left': [347, 190, 17],
  'ear-right': [53, 190, 17],
  neck: [200, 450, 40],
};

export interface QtiImportResult {
  questions: Question[];
  rejected: { item: string; reason: string }[];
}

// ---------------------------------------------------------------------------------------------- export

const bilingual = (t: Localized) => xmlText('span', { 'xml:lang': 'zh' }, t.zh) + xmlText('span', { 'xml:lang': 'en' }, t.en);
const para = (cls: string, t: Localized) => xmlEl('p', { class: cls }, bilingual(t));
export const itemIdentifier = (q: Pick<Question, 'id' | 'version'>) => `mn-${q.id}-v${q.version}`;
export const itemPath = (q: Pick<Question, 'id' | 'version'>) => `items/${itemIdentifier(q)}.xml`;

function values(vs: readonly string[]): string {
  return vs.map((v) => xmlText('qti-value', {}, v)).join('');
}

/** The qti-assessment-item XML of one question. */
export function questionToQtiItem(q: Question): string {
  let cardinality: 'single' | 'multiple';
  let correct: string[];
  let mapping = '';
  let interaction: string;
  let score: string;
  const matchCorrect = xmlEl(
    'qti-response-condition',
    {},
    xmlEl(
      'qti-response-if',
      {},
      xmlEl('qti-match', {}, xmlEl('qti-variable', { identifier: 'RESPONSE' }), xmlEl('qti-correct', { identifier: 'RESPONSE' })),
      xmlEl('qti-set-outcome-value', { identifier: 'SCORE' }, xmlText('qti-base-value', { 'base-type': 'float' }, '1')),
    ),
    xmlEl('qti-response-else', {}, xmlEl('qti-set-outcome-value', { identifier: 'SCORE' }, xmlText('qti-base-value', { 'base-type': 'float' }, '0'))),
  );
  score = matchCorrect;
  if (q.type === 'region') {
    cardinality = q.answerMode === 'any' ? 'single' : 'multiple';
    correct = q.answerMode === 'any' ? [q.key[0]] : [...q.key];
    if (q.answerMode === 'any') {
      mapping = xmlEl('qti-mapping', { 'default-value': 0, 'lower-bound': 0, 'upper-bound': 1 }, ...q.key.map((k) => xmlEl('qti-map-entry', { 'map-key': k, 'mapped-value': 1 })));
      score = xmlEl('qti-set-outcome-value', { identifier: 'SCORE' }, xmlEl('qti-map-response', { identifier: 'RESPONSE' }));
    }
    interaction = xmlEl(
      'qti-hotspot-interaction',
      { 'response-identifier': 'RESPONSE', 'max-choices': q.answerMode === 'any' ? 1 : 0 },
      xmlEl('object', { data: HEAD_IMAGE, type: 'image/svg+xml', width: 400, height: 520 }, 'Head, front view / 头部正面'),
      ...HEAD_REGION_IDS.map((r) => {
        const [cx, cy, rad] = HEAD_FRONT_LAYOUT[r];
        return xmlEl('qti-hotspot-choice', { identifier: r, shape: 'circle', coords: `${cx},${cy},${rad}`, 'hotspot-label': `${REGION_NAMES[r].zh} / ${REGION_NAMES[r].en}` });
      }),
    );
  } else if (q.type === 'true-false') {
    cardinality = 'single';
    correct = [String(q.key)];
    interaction = xmlEl(
      'qti-choice-interaction',
      { 'response-identifier': 'RESPONSE', 'max-choices': 1, shuffle: 'false' },
      ...(['true', 'false'] as const).map((v) => xmlEl('qti-simple-choice', { identifier: v }, bilingual(TF_TEXT[v]))),
    );
  } else {
    cardinality = q.type === 'single' ? 'single' : 'multiple';
    correct = [...q.key];
    interaction = xmlEl(
      'qti-choice-interaction',
      { 'response-identifier': 'RESPONSE', 'max-choices': q.type === 'single' ? 1 : 0, shuffle: 'false' },
      ...q.options.map((o) => xmlEl('qti-simple-choice', { identifier: o.id }, bilingual(o.text))),
    );
  }
  return (
    XML_DECLARATION +
    xmlEl(
      'qti-assessment-item',
      {
        xmlns: QTI_NS,
        'xmlns:xsi': XSI,
        'xsi:schemaLocation': `${QTI_NS} ${QTI_XSD}`,
        identifier: itemIdentifier(q),
        title: q.id,
        adaptive: 'false',
        'time-dependent': 'false',
        'xml:lang': 'zh',
      },
      '\n',
      xmlEl('qti-response-declaration', { identifier: 'RESPONSE', cardinality, 'base-type': 'identifier' }, xmlEl('qti-correct-response', {}, values(correct)), mapping),
      '\n',
      xmlEl('qti-outcome-declaration', { identifier: 'SCORE', cardinality: 'single', 'base-type': 'float' }),
      xmlEl('qti-outcome-declaration', { identifier: 'FEEDBACK', cardinality: 'single', 'base-type': 'identifier' }),
      '\n',
      xmlEl('qti-item-body', {}, para('mn-stem', q.stem), q.outsideStandard ? para('mn-outside-standard', q.outsideStandard.source) : '', interaction),
      '\n',
      xmlEl('qti-response-processing', {}, score, xmlEl('qti-set-outcome-value', { identifier: 'FEEDBACK' }, xmlText('qti-base-value', { 'base-type': 'identifier' }, 'EXPLANATION'))),
      '\n',
      xmlEl('qti-modal-feedback', { 'outcome-identifier': 'FEEDBACK', identifier: 'EXPLANATION', 'show-hide': 'show' }, xmlEl('qti-content-body', {}, para('mn-explanation', q.explanation))),
      '\n',
    ) +
    '\n'
  );
}

const langString = (t: Localized) => xmlText('string', { language: 'zh' }, t.zh) + xmlText('string', { language: 'en' }, t.en);

function itemMetadata(q: Question): string {
  return xmlEl(
    'metadata',
    {},
    xmlEl(
      'lom',
      { xmlns: LOM_NS },
      xmlEl('general', {}, xmlEl('identifier', {}, xmlText('catalog', {}, 'mn-id'), xmlText('entry', {}, q.id))),
      xmlEl('lifeCycle', {}, xmlEl('version', {}, xmlText('string', { language: 'x-none' }, String(q.version)))),
      xmlEl('educational', {}, xmlEl('difficulty', {}, xmlText('source', {}, 'LOMv1.0'), xmlText('value', {}, DIFFICULTY[q.difficulty - 1]))),
      xmlEl(
        'classification',
        {},
        xmlEl('purpose', {}, xmlText('source', {}, 'LOMv1.0'), xmlText('value', {}, 'educational objective')),
        ...q.clauses.map((c) => {
          const h = clauseById(c)?.heading ?? { zh: c, en: c };
          return xmlEl('taxonPath', {}, xmlEl('source', {}, xmlText('string', { language: 'zh' }, CLAUSE_TAXONOMY)), xmlEl('taxon', {}, xmlText('id', {}, c), xmlEl('entry', {}, langString(h))));
        }),
      ),
    ),
  );
}

/** A stylised SVG of the front view with the hotspot circles, shipped with region items. */
export function headFrontSvg(): string {
  const circles = HEAD_REGION_IDS.map((r) => {
    const [cx, cy, rad] = HEAD_FRONT_LAYOUT[r];
    return xmlEl('circle', { cx, cy, r: rad, fill: 'none', stroke: '#888' }, xmlText('title', {}, `${REGION_NAMES[r].zh} / ${REGION_NAMES[r].en} (${r})`));
  });
  return XML_DECLARATION + xmlEl('svg', { xmlns: 'http://www.w3.org/2000/svg', width: 400, height: 520, viewBox: '0 0 400 520' }, xmlEl('ellipse', { cx: 200, cy: 210, rx: 130, ry: 180, fill: '#f4e1d2' }), ...circles) + '\n';
}

/** The content package: imsmanifest.xml, items/<identifier>.xml per question, and the head image if needed. */
export function exportQtiPackage(questions: readonly Question[], options: { title: string }): Uint8Array {
  const files: { path: string; text: string }[] = [];
  const resources: string[] = [];
  const hasRegion = questions.some((q) => q.type === 'region');
  for (const q of questions) {
    const path = itemPath(q);
    files.push({ path, text: questionToQtiItem(q) });
    resources.push(
      xmlEl(
        'resource',
        { identifier: `res-${itemIdentifier(q)}`, type: ITEM_TYPE, href: path },
        itemMetadata(q),
        xmlEl('file', { href: path }),
        q.type === 'region' ? xmlEl('dependency', { identifierref: 'res-head-front' }) : '',
      ),
    );
  }
  if (hasRegion) {
    files.push({ path: HEAD_IMAGE, text: headFrontSvg() });
    resources.push(xmlEl('resource', { identifier: 'res-head-front', type: 'webcontent', href: HEAD_IMAGE }, xmlEl('file', { href: HEAD_IMAGE })));
  }
  const manifest =
    XML_DECLARATION +
    xmlEl(
      'manifest',
      { xmlns: CP_NS, identifier: 'mn-qti-package' },
      xmlEl(
        'metadata',
        {},
        xmlText('schema', {}, 'QTI Package'),
        xmlText('schemaversion', {}, '3.0.0'),
        xmlEl('lom', { xmlns: LOM_NS }, xmlEl('general', {}, xmlEl('title', {}, xmlText('string', { language: 'zh' }, options.title)))),
      ),
      xmlEl('organizations', {}),
      xmlEl('resources', {}, ...resources.map((r) => `\n${r}`), '\n'),
    ) +
    '\n';
  return zipTextFiles([{ path: 'imsmanifest.xml', text: manifest }, ...files]);
}

// ---------------------------------------------------------------------------------------------- import

class Reject extends Error {}
const reject = (reason: string): never => {
  throw new Reject(reason);
};

/** Two sibling spans, xml:lang zh and en, text only: the bilingual text of `field`. */
function readBilingual(el: XmlElement, field: string): Localized {
  if (!onlyElements(el)) reject(`${field}: text outside the <span xml:lang> pair`);
  const out: Partial<Localized> = {};
  for (const span of elements(el)) {
    if (span.local !== 'span') reject(`${field}: unexpected <${span.name}> (expected <span xml:lang="zh"> and <span xml:lang="en">)`);
    const lang = span.attrs['xml:lang'];
    if (lang !== 'zh' && lang !== 'en') reject(`${field}: a <span> with xml:lang ${JSON.stringify(lang ?? '')} (expected "zh" or "en")`);
    if (elements(span).length) reject(`${field}: markup inside the ${lang} text is not in the subset`);
    if (out[lang as 'zh' | 'en'] !== undefined) reject(`${field}: two ${lang} texts`);
    out[lang as 'zh' | 'en'] = textOf(span);
  }
  if (out.zh === undefined) reject(`${field}: no Chinese text (<span xml:lang="zh">)`);
  if (out.en === undefined) reject(`${field}: no English text (<span xml:lang="en">)`);
  return out as Localized;
}

const ITEM_CHILDREN = new Set(['qti-response-declaration', 'qti-outcome-declaration', 'qti-item-body', 'qti-response-processing', 'qti-modal-feedback']);

function valuesOf(el: XmlElement | undefined): string[] {
  return el ? elements(el, 'qti-value').map((v) => textOf(v).trim()) : [];
}

/** Reads one item against the subset; metadata from the manifest supplies clauses and difficulty. */
function readItem(xml: string, meta: { clauses: string[]; difficulty: number; version?: number }): Question {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    return reject(`not well-formed XML: ${(error as Error).message}`);
  }
  if (root.local !== 'qti-assessment-item' || root.ns !== QTI_NS) reject(`root element: expected <qti-assessment-item> in ${QTI_NS}, found <${root.name}> in ${JSON.stringify(root.ns)}`);
  const idm = /^mn-(.+)-v([0-9]{1,6})$/.exec(root.attrs.identifier ?? '');
  if (!idm) reject(`qti-assessment-item identifier: expected "mn-<question id>-v<version>", found ${JSON.stringify(root.attrs.identifier ?? '')}`);
  const id = idm![1];
  const version = Number(idm![2]);
  if (meta.version !== undefined && meta.version !== version) reject(`lifeCycle version: ${meta.version} in the manifest but ${version} in the item identifier`);
  if (root.attrs.adaptive === 'true') reject('qti-assessment-item adaptive="true": adaptive items are not in the subset');
  for (const c of elements(root)) if (!ITEM_CHILDREN.has(c.local)) reject(`<${c.name}>: not in the subset (templates, stylesheets, stimuli and context declarations are not imported)`);
  const decls = elements(root, 'qti-response-declaration');
  if (decls.length !== 1) reject(`qti-response-declaration: expected exactly one, found ${decls.length}`);
  const decl = decls[0];
  const body = child(root, 'qti-item-body');
  if (!body || elements(root, 'qti-item-body').length !== 1) reject('qti-item-body: expected exactly one');
  const stemEl = elements(body!).find((e) => e.local === 'p' && e.attrs.class === 'mn-stem');
  if (!stemEl) reject('qti-item-body: no stem (<p class="mn-stem">)');
  const stem = readBilingual(stemEl!, 'stem');
  const outsideEl = elements(body!).find((e) => e.local === 'p' && e.attrs.class === 'mn-outside-standard');
  const interactions = elements(body!).filter((e) => e.local.endsWith('-interaction'));
  for (const e of elements(body!)) {
    if (e !== stemEl && e !== outsideEl && !interactions.includes(e)) reject(`qti-item-body: unexpected <${e.name}${e.attrs.class ? ` class="${e.attrs.class}"` : ''}>`);
  }
  if (!onlyElements(body!)) reject('qti-item-body: text outside the stem paragraph');
  if (interactions.length !== 1) reject(`qti-item-body: expected exactly one interaction, found ${interactions.length}`);
  const it = interactions[0];
  if (it.local !== 'qti-choice-interaction' && it.local !== 'qti-hotspot-interaction') reject(`<${it.name}>: unsupported interaction (only qti-choice-interaction and qti-hotspot-interaction are in the subset)`);
  if (it.attrs['response-identifier'] !== decl.attrs.identifier) reject(`${it.local} response-identifier ${JSON.stringify(it.attrs['response-identifier'] ?? '')} does not name the qti-response-declaration ${JSON.stringify(decl.attrs.identifier ?? '')}`);
  if (decl.attrs['base-type'] !== 'identifier') reject(`qti-response-declaration base-type: expected "identifier", found ${JSON.stringify(decl.attrs['base-type'] ?? '')}`);
  const cardinality = decl.attrs.cardinality;
  if (cardinality !== 'single' && cardinality !== 'multiple') reject(`qti-response-declaration cardinality: expected "single" or "multiple", found ${JSON.stringify(cardinality ?? '')}`);
  const maxChoices = it.attrs['max-choices'] === undefined ? 1 : Number(it.attrs['max-choices']);
  const correct = valuesOf(child(decl, 'qti-correct-response'));
  const fb = elements(root, 'qti-modal-feedback');
  if (fb.length !== 1) reject(`qti-modal-feedback: expected exactly one (the explanation), found ${fb.length}`);
  const fbBody = child(fb[0], 'qti-content-body');
  const explEl = fbBody && elements(fbBody).find((e) => e.local === 'p' && e.attrs.class === 'mn-explanation');
  if (!explEl) reject('qti-modal-feedback: no explanation (<qti-content-body><p class="mn-explanation">)');
  const explanation = readBilingual(explEl!, 'explanation');
  const base = {
    id,
    version,
    clauses: meta.clauses,
    difficulty: meta.difficulty,
    stem,
    explanation,
    ...(outsideEl ? { outsideStandard: { source: readBilingual(outsideEl, 'outsideStandard') } } : {}),
  };

  if (it.local === 'qti-choice-interaction') {
    for (const e of elements(it)) if (e.local !== 'qti-simple-choice') reject(`qti-choice-interaction: unexpected <${e.name}>`);
    const choices = elements(it, 'qti-simple-choice');
    const ids = choices.map((c) => c.attrs.identifier ?? '');
    if (correct.length === 0) reject('qti-correct-response: missing or empty');
    for (const v of correct) if (!ids.includes(v)) reject(`qti-correct-response: ${JSON.stringify(v)} names no qti-simple-choice (${ids.join(', ')})`);
    const isTf = ids.length === 2 && ids.includes('true') && ids.includes('false');
    if (cardinality === 'single') {
      if (maxChoices !== 1) reject(`qti-choice-interaction max-choices: expected 1 with cardinality single, found ${it.attrs['max-choices']}`);
      if (correct.length !== 1) reject(`qti-correct-response: expected one value with cardinality single, found ${correct.length}`);
    } else if (!(maxChoices === 0 || maxChoices >= 2)) reject(`qti-choice-interaction max-choices: expected 0 or at least 2 with cardinality multiple, found ${it.attrs['max-choices']}`);
    if (isTf) {
      if (cardinality !== 'single') reject('true/false: cardinality must be single');
      return checked({ ...base, type: 'true-false', key: correct[0] === 'true' });
    }
    const options = choices.map((c, i) => ({ id: c.attrs.identifier ?? '', text: readBilingual(c, `options.${i} (${c.attrs.identifier})`) }));
    return checked({ ...base, type: cardinality === 'single' ? 'single' : 'multiple', options, key: correct });
  }

  const media = elements(it).filter((e) => e.local !== 'qti-hotspot-choice');
  if (media.length !== 1 || !['object', 'img', 'picture'].includes(media[0].local)) reject('qti-hotspot-interaction: expected one image (<object>, <img> or <picture>) and qti-hotspot-choice elements');
  const hotspots = elements(it, 'qti-hotspot-choice').map((h) => h.attrs.identifier ?? '');
  for (const h of hotspots) if (!(HEAD_REGION_IDS as readonly string[]).includes(h)) reject(`qti-hotspot-choice identifier ${JSON.stringify(h)}: not a head region id`);
  let key: string[];
  if (cardinality === 'single') {
    if (maxChoices !== 1) reject(`qti-hotspot-interaction max-choices: expected 1 with cardinality single (answerMode any), found ${it.attrs['max-choices']}`);
    const mapping = child(decl, 'qti-mapping');
    key = mapping ? elements(mapping, 'qti-map-entry').filter((e) => Number(e.attrs['mapped-value']) > 0).map((e) => e.attrs['map-key'] ?? '') : correct;
    if (correct.length && !key.includes(correct[0])) reject(`qti-correct-response: ${JSON.stringify(correct[0])} is not among the qti-mapping keys`);
  } else key = correct;
  if (key.length === 0) reject('qti-correct-response / qti-mapping: no key region');
  for (const k of key) if (!hotspots.includes(k)) reject(`qti-correct-response: ${JSON.stringify(k)} names no qti-hotspot-choice`);
  return checked({ ...base, type: 'region', answerMode: cardinality === 'single' ? 'any' : 'all', key });
}

function checked(candidate: unknown): Question {
  const r = checkQuestion(candidate);
  if ('reason' in r) reject(r.reason);
  return (r as { question: Question }).question;
}

/** Clauses, difficulty and version from a resource's LOM metadata. */
function readResourceMeta(res: XmlElement): { clauses: string[]; difficulty: number; version?: number } {
  const lom = child(res, 'metadata') && child(child(res, 'metadata')!, 'lom');
  if (!lom || lom.ns !== LOM_NS) reject(`manifest metadata: no LOM (<lom xmlns="${LOM_NS}">)`);
  const clauses: string[] = [];
  for (const cls of elements(lom!, 'classification')) {
    for (const tp of elements(cls, 'taxonPath')) {
      const src = child(tp, 'source');
      const srcText = src ? elements(src, 'string').map(textOf).map((t) => t.trim()) : [];
      if (!srcText.includes(CLAUSE_TAXONOMY)) continue;
      for (const tx of elements(tp, 'taxon')) {
        const id = textOf(child(tx, 'id') ?? tx).trim();
        if (!isKnownClause(id)) reject(`classification taxon id ${JSON.stringify(id)}: unknown clause of ${CLAUSE_TAXONOMY}`);
        clauses.push(id);
      }
    }
  }
  if (clauses.length === 0) reject(`classification: no clause (taxonPath with source "${CLAUSE_TAXONOMY}")`);
  const dv = child(lom!, 'educational') && child(child(lom!, 'educational')!, 'difficulty');
  const dText = dv ? textOf(child(dv, 'value') ?? dv).trim() : '';
  const difficulty = (DIFFICULTY as readonly string[]).indexOf(dText) + 1;
  if (difficulty === 0) reject(`educational difficulty: expected ${DIFFICULTY.join(', ')}, found ${JSON.stringify(dText)}`);
  const lc = child(lom!, 'lifeCycle');
  const vEl = lc && child(lc, 'version');
  const vText = vEl ? textOf(vEl).trim() : undefined;
  if (vText !== undefined && !/^[0-9]{1,6}$/.test(vText)) reject(`lifeCycle version: expected a whole number, found ${JSON.stringify(vText)}`);
  return { clauses, difficulty, version: vText === undefined ? undefined : Number(vText) };
}

/** Reads a QTI 3.0 content package: every item of the subset, and each other item with the reason it was left out. */
export function importQtiPackage(zip: Uint8Array): QtiImportResult {
  const unzipped = unzipTextFiles(zip);
  if ('reason' in unzipped) return { questions: [], rejected: [{ item: '(package)', reason: unzipped.reason }] };
  const files = unzipped.files;
  const manifestText = files.get('imsmanifest.xml');
  if (manifestText === undefined) return { questions: [], rejected: [{ item: '(package)', reason: 'imsmanifest.xml: missing at the root of the package' }] };
  let manifest: XmlElement;
  try {
    manifest = parseXml(manifestText);
  } catch (error) {
    return { questions: [], rejected: [{ item: 'imsmanifest.xml', reason: `not well-formed XML: ${(error as XmlError).message}` }] };
  }
  if (manifest.local !== 'manifest' || manifest.ns !== CP_NS) return { questions: [], rejected: [{ item: 'imsmanifest.xml', reason: `root element: expected <manifest> in ${CP_NS}` }] };
  const questions: Question[] = [];
  const rejected: QtiImportResult['rejected'] = [];
  const seen = new Set<string>();
  const resources = child(manifest, 'resources');
  for (const res of resources ? elements(resources, 'resource') : []) {
    const type = res.attrs.type ?? '';
    const name = res.attrs.href ?? res.attrs.identifier ?? '(resource)';
    if (type === 'webcontent' || type.startsWith('associatedcontent')) continue;
    try {
      if (type !== ITEM_TYPE) reject(`resource type ${JSON.stringify(type)}: only ${ITEM_TYPE} resources are imported`);
      const href = res.attrs.href;
      if (!href) reject('resource href: missing');
      const xml = files.get(href!);
      if (xml === undefined) reject(`resource href ${JSON.stringify(href)}: no such file in the package`);
      const q = readItem(xml!, readResourceMeta(res));
      if (seen.has(q.id)) reject(`question id ${JSON.stringify(q.id)}: already imported from another item`);
      seen.add(q.id);
      questions.push(q);
    } catch (error) {
      if (!(error instanceof Reject)) throw error;
      rejected.push({ item: name, reason: error.message });
    }
  }
  if (questions.length === 0 && rejected.length === 0) rejected.push({ item: 'imsmanifest.xml', reason: `resources: no ${ITEM_TYPE} resource` });
  return { questions, rejected };
}
