// The XLSX question-bank template: the shipped bank written and read back unchanged, the sheet layout, and
// malformed rows rejected whole with their row number, column and reason while the other rows are read.

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../../core/exams/format/question';
import { loadExamsDir } from '../../../core/node/exams-dir';
import { BANK_SHEET, NOTES_SHEET, readBankXlsx, writeBankXlsx } from '../../../electron/services/exams/xlsx-bank';

const SHIPPED: Question[] = [...loadExamsDir().questions.values()].map(({ bank: _bank, ...q }) => q as Question);

const HEADERS = [
  '题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '答案', '解析', '难度', '知识点/条款',
  'Stem (EN)', 'Option A (EN)', 'Option B (EN)', 'Option C (EN)', 'Option D (EN)', 'Option E (EN)', 'Option F (EN)', 'Explanation (EN)',
  '题目编号/ID', '版本/Version', '部位答案/Regions', '标准外来源/Outside-standard source', 'Outside-standard source (EN)',
];

async function workbookOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** A sheet written by hand, as a training base would: the header row, then rows keyed by header. */
async function handWritten(rows: Record<string, string | number>[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(BANK_SHEET);
  sheet.addRow(HEADERS);
  for (const r of rows) sheet.addRow(HEADERS.map((h) => r[h] ?? null));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const GOOD = {
  题型: '单选题',
  题干: '微针治疗后多久内避免日晒？',
  选项A: '当天',
  选项B: '一周',
  答案: 'B',
  解析: '见 14.1。',
  难度: '易',
  '知识点/条款': '14.1',
  'Stem (EN)': 'For how long after microneedling should sun exposure be avoided?',
  'Option A (EN)': 'The same day',
  'Option B (EN)': 'A week',
  'Explanation (EN)': 'See 14.1.',
  '题目编号/ID': 'xlsx-sun',
};

describe('XLSX question bank', () => {
  it('the shipped bank round-trips through xlsx unchanged', async () => {
    expect(SHIPPED.length).toBeGreaterThan(100);
    expect(new Set(SHIPPED.map((q) => q.type))).toEqual(new Set(['single', 'multiple', 'true-false', 'region']));
    const bytes = await writeBankXlsx(SHIPPED);
    const { questions, rejected } = await readBankXlsx(bytes);
    expect(rejected).toEqual([]);
    expect(questions).toEqual(SHIPPED);
  });

  it('writes the 题库 sheet with the template header row and a 说明 sheet explaining every column', async () => {
    const wb = await workbookOf(await writeBankXlsx(SHIPPED.slice(0, 3)));
    const bank = wb.getWorksheet(BANK_SHEET)!;
    expect((bank.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(bank.rowCount).toBe(4);
    const notes = wb.getWorksheet(NOTES_SHEET)!;
    const described = new Set<string>();
    notes.eachRow((row) => described.add(String(row.getCell(1).value)));
    for (const h of HEADERS) expect(described.has(h), h).toBe(true);
    const tf = SHIPPED.find((q) => q.type === 'true-false')!;
    const region = SHIPPED.find((q) => q.type === 'region')!;
    const row = (await workbookOf(await writeBankXlsx([tf, region]))).getWorksheet(BANK_SHEET)!;
    expect(row.getRow(2).getCell(1).value).toBe('判断题');
    expect(row.getRow(2).getCell(9).value).toBe(tf.key ? '对' : '错');
    expect(row.getRow(3).getCell(1).value).toBe('部位题');
    expect(String(row.getRow(3).getCell(23).value)).toMatch(/^(any|all): /);
  });

  it('reads a hand-written sheet: letters, 对/错, difficulty words, clause lists, a made-up id when none is given', async () => {
    const bytes = await handWritten([
      GOOD,
      { ...GOOD, 题型: '多选题', 选项C: '一个月', 'Option C (EN)': 'A month', 答案: 'A、C', 难度: '难', '知识点/条款': '14.1；8.5.1, 6.1', '题目编号/ID': '', 题干: '另一题？' },
      { 题型: '判断题', 题干: '术后可立即化妆。', 答案: '错', 解析: '见 14.1。', 难度: 2, '知识点/条款': '14.1', 'Stem (EN)': 'Make-up may be applied straight after.', 'Explanation (EN)': 'See 14.1.', '题目编号/ID': 'xlsx-makeup', '版本/Version': 3 },
    ]);
    const { questions, rejected } = await readBankXlsx(bytes);
    expect(rejected).toEqual([]);
    expect(questions).toHaveLength(3);
    expect(questions[0]).toMatchObject({ id: 'xlsx-sun', version: 1, type: 'single', key: ['b'], difficulty: 1, clauses: ['14.1'] });
    expect(questions[1]).toMatchObject({ type: 'multiple', key: ['a', 'c'], difficulty: 3, clauses: ['14.1', '8.5.1', '6.1'] });
    expect(questions[1]!.id).toMatch(/^q-xlsx-[0-9a-f]{12}$/);
    expect(questions[2]).toMatchObject({ type: 'true-false', key: false, difficulty: 2, version: 3 });
  });

  it('rejects malformed rows whole, naming the row, the column and the reason, and reads the rest', async () => {
    const bytes = await handWritten([
      GOOD, // row 2
      { ...GOOD, '题目编号/ID': 'bad-type', 题型: '填空题' }, // row 3
      { ...GOOD, '题目编号/ID': 'bad-letter', 答案: 'C' }, // row 4
      { ...GOOD, '题目编号/ID': 'no-english', 'Stem (EN)': '' }, // row 5
      { ...GOOD, '题目编号/ID': 'bad-clause', '知识点/条款': '14.1；99.9' }, // row 6
      { ...GOOD, '题目编号/ID': 'hard4', 难度: 4 }, // row 7
      { ...GOOD, '题目编号/ID': 'xlsx-sun' }, // row 8: duplicate id
      { ...GOOD, '题目编号/ID': 'no-option-en', 'Option B (EN)': '' }, // row 9
      { ...GOOD, '题目编号/ID': 'two-keys', 答案: 'AB' }, // row 10
      { ...GOOD, '题目编号/ID': 'region-no-mode', 题型: '部位题', 选项A: '', 选项B: '', 'Option A (EN)': '', 'Option B (EN)': '', 答案: '', '部位答案/Regions': 'forehead' }, // row 11
      { ...GOOD, '题目编号/ID': 'region-ok', 题型: '部位题', 选项A: '', 选项B: '', 'Option A (EN)': '', 'Option B (EN)': '', 答案: '', '部位答案/Regions': 'all: forehead, nose' }, // row 12
      { ...GOOD, '题目编号/ID': 'region-bad', 题型: '部位题', 选项A: '', 选项B: '', 'Option A (EN)': '', 'Option B (EN)': '', 答案: '', '部位答案/Regions': 'any: elbow' }, // row 13
    ]);
    const { questions, rejected } = await readBankXlsx(bytes);
    expect(questions.map((q) => q.id)).toEqual(['xlsx-sun', 'region-ok']);
    expect(questions[1]).toMatchObject({ type: 'region', answerMode: 'all', key: ['forehead', 'nose'] });
    const byRow = new Map(rejected.map((r) => [r.row, r]));
    expect([...byRow.keys()]).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 13]);
    expect(byRow.get(3)).toMatchObject({ column: '题型', reason: expect.stringMatching(/unknown question type "填空题"/) });
    expect(byRow.get(4)).toMatchObject({ column: '答案', reason: expect.stringMatching(/letter C has no option C/) });
    expect(byRow.get(5)).toMatchObject({ column: 'Stem (EN)', reason: expect.stringMatching(/missing/) });
    expect(byRow.get(6)).toMatchObject({ column: '知识点/条款', reason: expect.stringMatching(/"99.9" is not a clause/) });
    expect(byRow.get(7)).toMatchObject({ column: '难度', reason: expect.stringMatching(/difficulty of 1/) });
    expect(byRow.get(8)).toMatchObject({ column: '题目编号/ID', reason: expect.stringMatching(/already used in row 2/) });
    expect(byRow.get(9)).toMatchObject({ column: 'Option B (EN)' });
    expect(byRow.get(10)).toMatchObject({ column: '答案', reason: expect.stringMatching(/exactly one key/) });
    expect(byRow.get(11)).toMatchObject({ column: '部位答案/Regions' });
    expect(byRow.get(13)).toMatchObject({ column: '部位答案/Regions', reason: expect.stringMatching(/elbow/) });
  });

  it('refuses a file that is not xlsx, or has no 题库 sheet, as a whole', async () => {
    expect((await readBankXlsx(new TextEncoder().encode('not a zip'))).rejected).toEqual([{ row: 0, column: null, reason: expect.stringMatching(/not a readable .xlsx/) }]);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    const other = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(await readBankXlsx(other)).toEqual({ questions: [], rejected: [{ row: 0, column: null, reason: expect.stringMatching(/no sheet "题库"/) }] });
  });
});
