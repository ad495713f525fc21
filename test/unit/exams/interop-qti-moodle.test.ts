import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { validateXML, memoryPages } from 'xmllint-wasm';
import { exportMoodleXml, importMoodleXml } from '../../../core/exams/interop/moodle';
import { exportQtiPackage, importQtiPackage, itemPath, questionToQtiItem } from '../../../core/exams/interop/qti';
import type { Question } from '../../../core/exams/format/question';
import { loadExamsDir } from '../../../core/node/exams-dir';

const catalog = loadExamsDir();
const bank: Question[] = [...catalog.questions.values()].map(({ bank: _bank, ...q }) => q as Question);
const byType = (t: Question['type']) => bank.find((q) => q.type === t)!;

/** Rebuilds a package with one file replaced (or removed with null). */
function patch(zip: Uint8Array, changes: Record<string, string | null>): Uint8Array {
  const files: Record<string, Uint8Array> = { ...unzipSync(zip) };
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) delete files[k];
    else files[k] = strToU8(v);
  }
  return zipSync(files);
}
const one = (q: Question) => exportQtiPackage([q], { title: 't' });
const text = (zip: Uint8Array, path: string) => new TextDecoder().decode(unzipSync(zip)[path]);

describe('shipped bank', () => {
  it('loads without problems and has every type', () => {
    expect(catalog.problems).toEqual([]);
    for (const t of ['single', 'multiple', 'true-false', 'region'] as const) expect(byType(t)).toBeDefined();
  });
});

describe('QTI 3.0 package', () => {
  const zip = exportQtiPackage(bank, { title: '微针治疗操作规范 题库' });

  it('round-trips every question of the shipped bank (deep-equal)', () => {
    const r = importQtiPackage(zip);
    expect(r.rejected).toEqual([]);
    expect(r.questions).toEqual(bank);
  });

  it('is deterministic', () => {
    expect(exportQtiPackage(bank, { title: '微针治疗操作规范 题库' })).toEqual(zip);
  });

  it('validates every item against the QTI 3.0 XSD (xmllint-wasm)', async () => {
    const D = join(__dirname, '../../fixtures/qti/xsd');
    // xmllint-wasm's in-memory file system is flat: point schemaLocations at bare names. The qti-sdk copies of
    // MathML 3 and SSML 1.1 declare the 2010 namespaces; the QTI schema imports the 1998 / 2001 ones.
    const fix = (s: string) =>
      s
        .replace(/schemaLocation="(?:\.\.\/)?(?:w3\/)?(?:mathml3\/|ssml11\/)?([^"/]+\.xsd)"/g, 'schemaLocation="$1"')
        .replaceAll('http://www.w3.org/2010/Math/MathML', 'http://www.w3.org/1998/Math/MathML')
        .replaceAll('http://www.w3.org/2010/10/synthesis', 'http://www.w3.org/2001/10/synthesis');
    const deps = ['w3/xml.xsd', 'w3/XInclude.xsd', 'w3/mathml3/mathml3.xsd', 'w3/mathml3/mathml3-common.xsd', 'w3/mathml3/mathml3-content.xsd', 'w3/mathml3/mathml3-presentation.xsd', 'w3/mathml3/mathml3-strict-content.xsd', 'w3/ssml11/ssmlv1p1-core.xsd', 'w3/ssml11/synthesis-nonamespace.xsd'];
    const files = unzipSync(zip);
    const items = bank.map((q) => ({ fileName: itemPath(q).replace('items/', ''), contents: new TextDecoder().decode(files[itemPath(q)]) }));
    expect(items.length).toBe(bank.length);
    // A control: the same schema must catch a broken item (a choice without its required identifier).
    const broken = { fileName: 'broken.xml', contents: items[0].contents.replace(/<qti-simple-choice identifier="[^"]+"/, '<qti-simple-choice') };
    const r = await validateXML({
      xml: [...items, broken],
      schema: [{ fileName: 'qti.xsd', contents: fix(readFileSync(join(D, 'qtiv3p0/imsqti_asiv3p0_sbacv1p0_v1p0.xsd'), 'utf8')) }],
      preload: deps.map((f) => ({ fileName: f.split('/').pop()!, contents: fix(readFileSync(join(D, f), 'utf8')) })),
      maxMemoryPages: memoryPages.GiB,
    });
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.errors.filter((e) => e.loc?.fileName !== 'broken.xml').map((e) => e.rawMessage)).toEqual([]);
  }, 120_000);

  it('rejects what is not a zip', () => {
    const r = importQtiPackage(strToU8('<qti-assessment-item/>'));
    expect(r.questions).toEqual([]);
    expect(r.rejected).toEqual([{ item: '(package)', reason: expect.stringMatching(/not a zip/) }]);
  });

  it('rejects a package without imsmanifest.xml', () => {
    const r = importQtiPackage(patch(zip, { 'imsmanifest.xml': null }));
    expect(r.questions).toEqual([]);
    expect(r.rejected[0].reason).toMatch(/imsmanifest\.xml: missing/);
  });

  it('rejects an item with an unsupported interaction, naming the item and the element', () => {
    const q = byType('single');
    const xml = questionToQtiItem(q).replace(/<qti-choice-interaction[\s\S]*<\/qti-choice-interaction>/, '<qti-text-entry-interaction response-identifier="RESPONSE"/>');
    const r = importQtiPackage(patch(one(q), { [itemPath(q)]: xml }));
    expect(r.questions).toEqual([]);
    expect(r.rejected).toEqual([{ item: itemPath(q), reason: expect.stringMatching(/qti-text-entry-interaction.*unsupported interaction/) }]);
  });

  it('rejects a choice item whose correct response names no choice', () => {
    const q = byType('single');
    const xml = questionToQtiItem(q).replace(/<qti-correct-response><qti-value>[a-f]<\/qti-value>/, '<qti-correct-response><qti-value>z</qti-value>');
    const r = importQtiPackage(patch(one(q), { [itemPath(q)]: xml }));
    expect(r.questions).toEqual([]);
    expect(r.rejected).toEqual([{ item: itemPath(q), reason: expect.stringMatching(/qti-correct-response: "z" names no qti-simple-choice/) }]);
  });

  it('rejects an item missing the English stem', () => {
    const q = byType('true-false');
    const xml = questionToQtiItem(q).replace(/(<p class="mn-stem"><span xml:lang="zh">[^<]*<\/span>)<span xml:lang="en">[^<]*<\/span>/, '$1');
    const r = importQtiPackage(patch(one(q), { [itemPath(q)]: xml }));
    expect(r.rejected).toEqual([{ item: itemPath(q), reason: 'stem: no English text (<span xml:lang="en">)' }]);
  });

  it('rejects templates, adaptive items and unknown clauses, never half importing', () => {
    const q = byType('region');
    const p = itemPath(q);
    const base = one(q);
    const templ = questionToQtiItem(q).replace('<qti-outcome-declaration', '<qti-template-declaration identifier="T" cardinality="single" base-type="integer"/><qti-outcome-declaration');
    expect(importQtiPackage(patch(base, { [p]: templ })).rejected[0].reason).toMatch(/qti-template-declaration.*not in the subset/);
    const adaptive = questionToQtiItem(q).replace('adaptive="false"', 'adaptive="true"');
    expect(importQtiPackage(patch(base, { [p]: adaptive })).rejected[0].reason).toMatch(/adaptive/);
    const manifest = text(base, 'imsmanifest.xml').replace(/<id>[0-9.]+<\/id>/, '<id>99.9</id>');
    const r = importQtiPackage(patch(base, { 'imsmanifest.xml': manifest }));
    expect(r.questions).toEqual([]);
    expect(r.rejected[0]).toEqual({ item: p, reason: expect.stringMatching(/taxon id "99.9": unknown clause/) });
  });

  it('keeps the good items when one is bad', () => {
    const qs = [byType('single'), byType('multiple')];
    const z = exportQtiPackage(qs, { title: 't' });
    const bad = questionToQtiItem(qs[0]).replace(/<span xml:lang="en">/g, '<span xml:lang="fr">');
    const r = importQtiPackage(patch(z, { [itemPath(qs[0])]: bad }));
    expect(r.questions).toEqual([qs[1]]);
    expect(r.rejected.map((x) => x.item)).toEqual([itemPath(qs[0])]);
  });
});

describe('Moodle XML', () => {
  const xml = exportMoodleXml(bank);

  it('round-trips every question of the shipped bank (region questions via tagged multichoice)', () => {
    const r = importMoodleXml(xml);
    expect(r.rejected).toEqual([]);
    expect(r.questions).toEqual(bank);
  });

  it('writes categories, tags and multilang spans', () => {
    expect(xml).toContain('<text>$course$/微针治疗操作规范/8</text>');
    expect(xml).toMatch(/<tag><text>clause:8\.5\.1<\/text><\/tag>/);
    expect(xml).toMatch(/<tag><text>difficulty:[123]<\/text><\/tag>/);
    expect(xml).toContain('&lt;span lang="zh" class="multilang"&gt;');
    expect(xml).toContain('<generalfeedback format="html">');
  });

  it('rejects an unknown question type, naming the question and the type', () => {
    const r = importMoodleXml('<quiz><question type="essay"><name><text>q-essay</text></name></question></quiz>');
    expect(r.rejected).toEqual([{ item: 'q-essay', reason: expect.stringMatching(/^type "essay": unsupported question type/) }]);
  });

  it('rejects a multichoice with no correct answer', () => {
    const q = byType('single');
    const bad = exportMoodleXml([q]).replace(/fraction="100"/g, 'fraction="0"');
    const r = importMoodleXml(bad);
    expect(r.questions).toEqual([]);
    expect(r.rejected).toEqual([{ item: q.id, reason: expect.stringMatching(/multichoice answers: no correct answer/) }]);
  });

  it('rejects a missing English text and an unknown clause', () => {
    const q = byType('multiple');
    const noEn = exportMoodleXml([q]).replace(/(<questiontext format="html"><text>.*?)&lt;span lang="en" class="multilang"&gt;.*?&lt;\/span&gt;/, '$1');
    expect(importMoodleXml(noEn).rejected[0]).toEqual({ item: q.id, reason: expect.stringMatching(/questiontext: no English text/) });
    const badClause = exportMoodleXml([q]).replace(/clause:[0-9.]+/, 'clause:99.9');
    expect(importMoodleXml(badClause).rejected[0].reason).toMatch(/"clause:99.9" is not a clause/);
  });

  it('rejects malformed XML and DOCTYPEs', () => {
    expect(importMoodleXml('<quiz><question>').rejected[0].reason).toMatch(/not well-formed/);
    expect(importMoodleXml('<!DOCTYPE quiz [<!ENTITY a "b">]><quiz/>').rejected[0].reason).toMatch(/DOCTYPE/);
  });
});
