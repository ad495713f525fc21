// The XLSX question-bank template that training bases keep their banks in: one row per question on the sheet
// "题库" (the Chinese columns first, as the bases' own templates have them, then the English ones, since every
// question here is bilingual, then the technical ones), and a sheet "说明" that explains each column. Reading
// checks every row with the question schema (core/exams/format/question.ts); a row that fails is rejected
// whole, with its row number, column and reason, and the other rows are read.

import ExcelJS from 'exceljs';
import { sha256Hex } from '../../../core/head-model/sha256';
import { questionSchema, type Question } from '../../../core/exams/format/question';

export const BANK_SHEET = '题库';
export const NOTES_SHEET = '说明';
const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

type Col = { header: string; width: number; zh: string; en: string };
const col = (header: string, width: number, zh: string, en: string): Col => ({ header, width, zh, en });

export const COLUMNS = {
  type: col('题型', 10, '单选题、多选题、判断题或部位题', 'Question type: 单选题 single choice, 多选题 multiple choice, 判断题 true/false, 部位题 region (answered by clicking the head)'),
  stemZh: col('题干', 50, '题干（中文）', 'The stem in Chinese'),
  ...Object.fromEntries(LETTERS.map((l) => [`option${l}Zh`, col(`选项${l}`, 30, `选项${l}（中文）；单选、多选题至少两个选项，按顺序填写；判断题、部位题不填`, `Option ${l} in Chinese; single and multiple choice have 2-6 options, filled in order; none for true/false and region questions`)])),
  answer: col('答案', 8, '正确答案：选项字母（如 A、ACD）；判断题填“对”或“错”；部位题不填（见部位答案）', 'The key: option letters (A, ACD); 对 (true) or 错 (false) for true/false; empty for region questions (see Regions)'),
  explanationZh: col('解析', 50, '解析（中文）', 'The explanation in Chinese'),
  difficulty: col('难度', 8, '易、中或难（也可填 1、2、3）', 'Difficulty: 易 easy (1), 中 medium (2) or 难 hard (3)'),
  clauses: col('知识点/条款', 14, '引用的规范条款，如 8.5.1；多个用“；”或“,”分隔', 'Clauses of the standard cited, e.g. 8.5.1; several separated by ； or ,'),
  stemEn: col('Stem (EN)', 50, '题干（英文）', 'The stem in English'),
  ...Object.fromEntries(LETTERS.map((l) => [`option${l}En`, col(`Option ${l} (EN)`, 30, `选项${l}（英文）`, `Option ${l} in English`)])),
  explanationEn: col('Explanation (EN)', 50, '解析（英文）', 'The explanation in English'),
  id: col('题目编号/ID', 28, '题目编号：小写字母、数字、“.”和“-”；留空则按中文题干生成', 'Question id: lower-case letters, digits, "." and "-"; left empty, one is made from the Chinese stem'),
  version: col('版本/Version', 10, '版本号（整数，≥1，留空为 1）；修改已发布的题目须提高版本号', 'Version (a whole number >= 1, empty means 1); a changed published question needs a new version'),
  regions: col('部位答案/Regions', 36, '部位题的答案：作答方式 any（点中任一部位即对）或 all（须选全部位），后接部位编号，如 “all: lower-eyelid-left, lower-eyelid-right”', 'Region questions: the answer mode any (one click on any key region) or all (exactly the key regions), then region ids, e.g. "all: lower-eyelid-left, lower-eyelid-right"'),
  outsideZh: col('标准外来源/Outside-standard source', 30, '题目含规范以外的内容时，注明来源（中文）；此类题目显示但不计分', 'When a question states facts from outside the standard, their source in Chinese; such questions are shown but never counted'),
  outsideEn: col('Outside-standard source (EN)', 30, '规范以外内容的来源（英文）', 'The source of facts from outside the standard, in English'),
} as Record<string, Col>;
const KEYS = Object.keys(COLUMNS);
const header = (key: string) => COLUMNS[key]!.header;

const TYPE_TO_ZH: Record<Question['type'], string> = { single: '单选题', multiple: '多选题', 'true-false': '判断题', region: '部位题' };
const ZH_TO_TYPE: Record<string, Question['type']> = Object.fromEntries([...Object.entries(TYPE_TO_ZH).map(([k, v]) => [v, k]), ...Object.keys(TYPE_TO_ZH).map((k) => [k, k])]) as Record<string, Question['type']>;
const DIFFICULTY_ZH = ['易', '中', '难'] as const;

// ---------------------------------------------------------------------------------------------------------
// Writing.

export async function writeBankXlsx(questions: readonly Question[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Microneedling Trainer';
  const sheet = wb.addWorksheet(BANK_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = KEYS.map((k) => ({ header: header(k), key: k, width: COLUMNS[k]!.width }));
  sheet.getRow(1).font = { bold: true };
  for (const q of questions) sheet.addRow(rowOf(q));
  sheet.eachRow((row, n) => {
    if (n > 1) row.alignment = { vertical: 'top', wrapText: true };
  });

  const notes = wb.addWorksheet(NOTES_SHEET);
  notes.columns = [
    { header: '列 / Column', key: 'column', width: 32 },
    { header: '说明', key: 'zh', width: 70 },
    { header: 'Description', key: 'en', width: 90 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const k of KEYS) notes.addRow({ column: header(k), zh: COLUMNS[k]!.zh, en: COLUMNS[k]!.en });
  notes.addRow({});
  notes.addRow({ column: '导入 / Import', zh: '每行单独校验；有错的行整行不导入，并报告行号、列和原因，其余行照常导入。', en: 'Each row is checked on its own; a row with an error is not imported at all and is reported with its row number, column and reason; the other rows are imported.' });
  notes.eachRow((row) => (row.alignment = { vertical: 'top', wrapText: true }));

  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function rowOf(q: Question): Record<string, string | number> {
  const r: Record<string, string | number> = {
    type: TYPE_TO_ZH[q.type],
    stemZh: q.stem.zh,
    stemEn: q.stem.en,
    explanationZh: q.explanation.zh,
    explanationEn: q.explanation.en,
    difficulty: DIFFICULTY_ZH[q.difficulty - 1]!,
    clauses: q.clauses.join('；'),
    id: q.id,
    version: q.version,
  };
  if (q.type === 'single' || q.type === 'multiple') {
    q.options.forEach((o, i) => {
      r[`option${LETTERS[i]}Zh`] = o.text.zh;
      r[`option${LETTERS[i]}En`] = o.text.en;
    });
    r.answer = q.key.map((k) => k.toUpperCase()).join('');
  } else if (q.type === 'true-false') r.answer = q.key ? '对' : '错';
  else r.regions = `${q.answerMode}: ${q.key.join(', ')}`;
  if (q.outsideStandard) {
    r.outsideZh = q.outsideStandard.source.zh;
    r.outsideEn = q.outsideStandard.source.en;
  }
  return r;
}

// ---------------------------------------------------------------------------------------------------------
// Reading.

export interface BankRowRejection {
  /** The row number as the spreadsheet shows it (the header is row 1); 0 for the file as a whole. */
  row: number;
  /** The column's header, or null when the whole row (or file) is at fault. */
  column: string | null;
  /** English, then Chinese where the reason is this reader's own. */
  reason: string;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v) return String((v as { text: unknown }).text);
  }
  return '';
}

export async function readBankXlsx(bytes: Uint8Array): Promise<{ questions: Question[]; rejected: BankRowRejection[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    return { questions: [], rejected: [{ row: 0, column: null, reason: `not a readable .xlsx file (无法读取的 xlsx 文件): ${(error as Error).message}` }] };
  }
  const sheet = wb.getWorksheet(BANK_SHEET);
  if (!sheet) return { questions: [], rejected: [{ row: 0, column: null, reason: `the workbook has no sheet "${BANK_SHEET}" (缺少工作表“${BANK_SHEET}”)` }] };

  // Columns are found by their headers, so a base may reorder them or add its own.
  const at = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, n) => {
    const text = cellText(cell.value).trim();
    const key = KEYS.find((k) => header(k) === text);
    if (key && !at.has(key)) at.set(key, n);
  });
  const missing = ['type', 'stemZh', 'stemEn', 'explanationZh', 'explanationEn', 'difficulty', 'clauses'].filter((k) => !at.has(k));
  if (missing.length > 0) return { questions: [], rejected: missing.map((k) => ({ row: 1, column: header(k), reason: `the header row has no column "${header(k)}" (表头缺少该列)` })) };

  const questions: Question[] = [];
  const rejected: BankRowRejection[] = [];
  const seen = new Map<string, number>();
  for (let n = 2; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    const get = (key: string) => (at.has(key) ? cellText(row.getCell(at.get(key)!).value).trim() : '');
    if (KEYS.every((k) => get(k) === '')) continue;
    const result = parseRow(get);
    if (!result.ok) {
      rejected.push(...result.problems.map((p) => ({ row: n, ...p })));
      continue;
    }
    const q = result.question;
    if (seen.has(q.id)) {
      rejected.push({ row: n, column: header('id'), reason: `question id "${q.id}" is already used in row ${seen.get(q.id)} (题目编号重复)` });
      continue;
    }
    seen.set(q.id, n);
    questions.push(q);
  }
  return { questions, rejected };
}

type RowResult = { ok: true; question: Question } | { ok: false; problems: { column: string | null; reason: string }[] };

function parseRow(get: (key: string) => string): RowResult {
  const fail = (key: string | null, reason: string): RowResult => ({ ok: false, problems: [{ column: key ? header(key) : null, reason }] });
  const orUndefined = (s: string) => (s === '' ? undefined : s);
  const typeText = get('type');
  const type = ZH_TO_TYPE[typeText];
  if (!type) return fail('type', typeText === '' ? 'missing question type: expected 单选题, 多选题, 判断题 or 部位题 (缺少题型)' : `unknown question type "${typeText}": expected 单选题, 多选题, 判断题 or 部位题 (未知题型)`);

  const difficultyText = get('difficulty');
  const dz = DIFFICULTY_ZH.indexOf(difficultyText as (typeof DIFFICULTY_ZH)[number]);
  const difficulty: unknown = dz >= 0 ? dz + 1 : /^\d+$/.test(difficultyText) ? Number(difficultyText) : orUndefined(difficultyText);
  const versionText = get('version');
  const version: unknown = versionText === '' ? 1 : /^\d+$/.test(versionText) ? Number(versionText) : versionText;
  const stemZh = get('stemZh');
  const id = get('id') || `q-xlsx-${sha256Hex(new TextEncoder().encode(stemZh)).slice(0, 12)}`;

  const q: Record<string, unknown> = {
    id,
    version,
    type,
    clauses: get('clauses') === '' ? [] : get('clauses').split(/\s*[；;,，、]\s*/).filter((c) => c !== ''),
    difficulty,
    stem: { zh: orUndefined(stemZh), en: orUndefined(get('stemEn')) },
    explanation: { zh: orUndefined(get('explanationZh')), en: orUndefined(get('explanationEn')) },
  };
  if (get('outsideZh') !== '' || get('outsideEn') !== '') q.outsideStandard = { source: { zh: orUndefined(get('outsideZh')), en: orUndefined(get('outsideEn')) } };

  const filled = LETTERS.map((l) => get(`option${l}Zh`) !== '' || get(`option${l}En`) !== '');
  const answer = get('answer');
  if (type === 'single' || type === 'multiple') {
    const count = filled.lastIndexOf(true) + 1;
    const gap = filled.slice(0, count).indexOf(false);
    if (gap >= 0) return fail(`option${LETTERS[gap]}Zh`, `option ${LETTERS[gap]} is empty but a later option is filled: fill options in order (选项须按顺序填写)`);
    q.options = LETTERS.slice(0, count).map((l) => ({ id: l.toLowerCase(), text: { zh: orUndefined(get(`option${l}Zh`)), en: orUndefined(get(`option${l}En`)) } }));
    if (answer === '') return fail('answer', 'missing answer: expected option letters such as A or ACD (缺少答案)');
    const letters = answer.toUpperCase().replace(/[\s,，、；;]/g, '');
    if (!/^[A-F]+$/.test(letters)) return fail('answer', `answer "${answer}" is not option letters A-F (答案须为选项字母)`);
    const missingOption = [...letters].find((l) => !filled[LETTERS.indexOf(l as (typeof LETTERS)[number])]);
    if (missingOption) return fail('answer', `answer letter ${missingOption} has no option ${missingOption} (答案中的选项${missingOption}不存在)`);
    q.key = [...letters].map((l) => l.toLowerCase());
    if (get('regions') !== '') return fail('regions', `a ${typeText} has no region answer (非部位题不填部位答案)`);
  } else {
    const extra = filled.indexOf(true);
    if (extra >= 0) return fail(`option${LETTERS[extra]}Zh`, `a ${typeText} has no options: leave the option columns empty (${typeText}不填选项)`);
    if (type === 'true-false') {
      const t = answer.toLowerCase();
      if (['对', '正确', '√', '✓', 't', 'true', '是'].includes(t)) q.key = true;
      else if (['错', '错误', '×', '✗', 'f', 'false', '否'].includes(t)) q.key = false;
      else return fail('answer', answer === '' ? 'missing answer: expected 对 (true) or 错 (false) (缺少答案)' : `answer "${answer}" of a true/false question: expected 对 (true) or 错 (false) (判断题答案须为“对”或“错”)`);
      if (get('regions') !== '') return fail('regions', `a ${typeText} has no region answer (非部位题不填部位答案)`);
    } else {
      if (answer !== '') return fail('answer', 'a region question is answered in the Regions column, leave 答案 empty (部位题的答案填在“部位答案”列)');
      const m = /^(any|all)\s*[:：]\s*(.+)$/i.exec(get('regions'));
      if (!m) return fail('regions', 'expected the answer mode and the key regions, e.g. "any: forehead, nose" (部位答案格式：any 或 all，加部位编号)');
      q.answerMode = m[1]!.toLowerCase();
      q.key = m[2]!.split(/\s*[；;,，、\s]\s*/).filter((r) => r !== '');
    }
  }

  const r = questionSchema.safeParse(q);
  if (r.success) return { ok: true, question: r.data };
  const problems = r.error.issues.slice(0, 10).map((i) => ({ column: columnFor(i.path, type), reason: i.message }));
  return { ok: false, problems: problems.filter((p, i) => problems.findIndex((o) => o.column === p.column && o.reason === p.reason) === i) };
}

/** The column a schema issue's path points at. */
function columnFor(path: readonly PropertyKey[], type: Question['type']): string | null {
  const [a, b, c, d] = path;
  const lang = (x: unknown) => (x === 'en' ? 'En' : 'Zh');
  switch (a) {
    case 'stem':
      return header(`stem${lang(b)}`);
    case 'explanation':
      return header(`explanation${lang(b)}`);
    case 'options':
      return typeof b === 'number' && b < 6 ? header(`option${LETTERS[b]}${c === 'text' ? lang(d) : 'Zh'}`) : header('optionAZh');
    case 'key':
      return header(type === 'region' ? 'regions' : 'answer');
    case 'answerMode':
      return header('regions');
    case 'outsideStandard':
      return header(`outside${lang(c)}`);
    case 'difficulty':
    case 'clauses':
    case 'id':
    case 'version':
    case 'type':
      return header(a);
    default:
      return null;
  }
}
