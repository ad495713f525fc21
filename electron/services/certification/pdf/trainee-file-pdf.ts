// The trainee's file as a PDF, in the language asked (zh or en): who they are (profession, clause and
// professional certificate, 15.2), their completion records with status, scores over time (chart.ts), the
// clauses whose findings recur, and every attempt, practice and exam, oldest first. A4 portrait; a long
// history continues on as many pages as it needs (table headers repeated), each page numbered.

import { ROLE_CLAUSES } from '../../../../core/certification/record';
import type { TraineeFileData } from '../trainee-file-data';
import { drawScoreChart, type ScorePoint } from './chart';
import { newDocument, type Doc } from './document';
import { FONT_BOLD, FONT_REGULAR } from './fonts';
import { CERTIFICATE_KIND_LABEL, PROFESSION_LABEL, printedDate, type PdfLang } from './labels';
import { TRAINEE_FILE_WORDS, type FileWords } from './trainee-file-words';

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 46;
const BOTTOM = PAGE.height - 50;
const WIDTH = PAGE.width - 2 * MARGIN;
const INK = '#1a2433';
const MUTED = '#5b6675';
const ROW = 15;

interface Column {
  title: string;
  /** Share of the table's width. */
  w: number;
}

/** Draws rows as a table, starting a new page (header repeated) whenever the next row would not fit. */
class Tables {
  constructor(
    private readonly doc: Doc,
    public y: number,
  ) {}

  heading(text: string) {
    this.need(ROW * 3 + 22);
    this.doc.font(FONT_BOLD).fontSize(12).fillColor(INK).text(text, MARGIN, this.y, { width: WIDTH });
    this.y += 20;
  }

  note(text: string) {
    this.doc.font(FONT_REGULAR).fontSize(8).fillColor(MUTED);
    const h = this.doc.heightOfString(text, { width: WIDTH });
    this.need(h + 4);
    this.doc.text(text, MARGIN, this.y, { width: WIDTH });
    this.y += h + 6;
  }

  table(columns: Column[], rows: string[][], empty: string) {
    if (rows.length === 0) return this.note(empty);
    this.header(columns);
    for (const row of rows) {
      if (this.y + ROW > BOTTOM) {
        this.page();
        this.header(columns);
      }
      let x = MARGIN;
      row.forEach((cell, i) => {
        this.doc.font(FONT_REGULAR).fontSize(8.5).fillColor(INK).text(cell, x + 3, this.y + 3, { width: columns[i]!.w * WIDTH - 6, lineBreak: false, ellipsis: true });
        x += columns[i]!.w * WIDTH;
      });
      this.y += ROW;
      this.doc.save().lineWidth(0.4).strokeColor('#d3dae3').moveTo(MARGIN, this.y).lineTo(MARGIN + WIDTH, this.y).stroke().restore();
    }
    this.y += 12;
  }

  need(height: number) {
    if (this.y + height > BOTTOM) this.page();
  }

  private header(columns: Column[]) {
    this.doc.save().rect(MARGIN, this.y, WIDTH, ROW + 1).fill('#e8eef5').restore();
    let x = MARGIN;
    for (const c of columns) {
      this.doc.font(FONT_BOLD).fontSize(8).fillColor(INK).text(c.title, x + 3, this.y + 3.5, { width: c.w * WIDTH - 6, lineBreak: false, ellipsis: true });
      x += c.w * WIDTH;
    }
    this.y += ROW + 1;
  }

  private page() {
    this.doc.addPage({ size: 'A4', layout: 'portrait', margin: 0 });
    this.y = MARGIN;
  }
}

const score = (s: number | null) => (s === null ? '—' : String(Math.round(s * 10) / 10));

export async function traineeFilePdf(data: TraineeFileData, lang: PdfLang): Promise<Buffer> {
  const w = TRAINEE_FILE_WORDS[lang];
  const { doc, bytes } = newDocument({ layout: 'portrait', title: `${w.title} — ${data.person.name}`, subject: data.institution, date: new Date(data.madeAt), lang: lang === 'zh' ? 'zh-CN' : 'en', bufferPages: true });
  const t = new Tables(doc, MARGIN);
  personBlock(doc, t, data, lang, w);

  t.heading(w.certificatesTitle);
  t.table(
    [
      { title: w.number, w: 0.2 },
      { title: w.profession, w: 0.14 },
      { title: w.issuedAt, w: 0.15 },
      { title: w.validUntil, w: 0.15 },
      { title: w.recertifyBy, w: 0.15 },
      { title: w.status, w: 0.21 },
    ],
    data.certificates.map((c) => [c.number, PROFESSION_LABEL[lang][c.profession], printedDate(c.issuedAt), printedDate(c.validUntil), printedDate(c.recertifyBy), c.revokeReason ? w.withReason(w.statuses[c.status], c.revokeReason) : w.statuses[c.status]]),
    w.noCertificates,
  );
  t.note(w.policyNote);

  t.heading(w.chartTitle);
  const points: ScorePoint[] = [
    ...data.practice.filter((p) => p.score !== null && p.status === 'finished').map((p) => ({ at: p.startedAt, score: p.score!, series: 'practice' as const })),
    ...data.exams.filter((e) => e.score !== null && e.submittedAt).map((e) => ({ at: e.submittedAt!, score: e.score!, series: 'exam' as const })),
  ];
  t.need(170);
  drawScoreChart(doc, points, { x: MARGIN, y: t.y, width: WIDTH, height: 160 }, { practice: w.practice, exam: w.exam }, w.noScores);
  t.y += 172;

  t.heading(w.recurringTitle);
  t.note(w.recurringIntro);
  t.table(
    [
      { title: w.clause, w: 0.25 },
      { title: w.attemptsWith, w: 0.25 },
      { title: w.occurrences, w: 0.25 },
      { title: w.lastSeen, w: 0.25 },
    ],
    data.recurring.map((r) => [r.clause, String(r.attempts), String(r.count), printedDate(r.lastAt)]),
    w.noRecurring,
  );

  t.heading(w.historyTitle);
  const history = [
    ...data.practice.map((p) => ({ at: p.startedAt, cells: [printedDate(p.startedAt), w.kinds[p.kind], w.procedures[p.procedure] ?? p.procedure, w.attemptStatus[p.status], score(p.score), resultWord(w, p.passed, p.criticalFailure)] })),
    ...data.exams.map((e) => ({
      at: e.startedAt,
      cells: [printedDate(e.startedAt), w.exam, `${e.moduleId} v${e.moduleVersion} · #${e.attemptNo}`, w.examStatus[e.status], score(e.score), e.status === 'submitted' && e.score === null ? w.notReleased : resultWord(w, e.passed, false) + (e.regraded ? ` (${w.regraded})` : '')],
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  t.table(
    [
      { title: w.date, w: 0.14 },
      { title: w.type, w: 0.12 },
      { title: w.what, w: 0.32 },
      { title: w.status, w: 0.13 },
      { title: w.score, w: 0.1 },
      { title: w.result, w: 0.19 },
    ],
    history.map((h) => h.cells),
    w.noAttempts,
  );

  footers(doc, data, w);
  doc.end();
  return bytes;
}

function resultWord(w: FileWords, passed: boolean | null, critical: boolean): string {
  if (passed === null) return '—';
  if (critical) return w.criticalFailure;
  return passed ? w.passed : w.failed;
}

function personBlock(doc: Doc, t: Tables, data: TraineeFileData, lang: PdfLang, w: FileWords) {
  doc.font(FONT_REGULAR).fontSize(9).fillColor(MUTED).text(data.institution, MARGIN, MARGIN, { width: WIDTH });
  doc.font(FONT_BOLD).fontSize(20).fillColor(INK).text(w.title, MARGIN, doc.y + 2, { width: WIDTH });
  doc.font(FONT_REGULAR).fontSize(8).fillColor(MUTED).text(w.madeAt(printedDate(data.madeAt)), MARGIN, doc.y + 1, { width: WIDTH });
  const p = data.person;
  const rows: [string, string][] = [
    [w.name, p.name],
    [w.profession, p.profession ? w.professionWithClause(PROFESSION_LABEL[lang][p.profession], ROLE_CLAUSES[p.profession]) : '—'],
    [w.certificateNumber, p.certificateNumber ?? '—'],
    [w.certificateKind, p.certificateKind ? CERTIFICATE_KIND_LABEL[lang][p.certificateKind] : '—'],
  ];
  let y = doc.y + 10;
  for (const [label, value] of rows) {
    doc.font(FONT_REGULAR).fontSize(9).fillColor(MUTED).text(label, MARGIN, y, { width: 140, lineBreak: false });
    doc.font(FONT_BOLD).fontSize(10.5).fillColor(INK).text(value, MARGIN + 140, y - 1, { width: WIDTH - 140, lineBreak: false, ellipsis: true });
    y += 17;
  }
  t.y = y + 12;
}

function footers(doc: Doc, data: TraineeFileData, w: FileWords) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.font(FONT_REGULAR).fontSize(7.5).fillColor(MUTED).text(`${data.person.name} · ${w.title}`, MARGIN, PAGE.height - 32, { width: WIDTH / 2, lineBreak: false });
    doc.text(w.pageOf(i - range.start + 1, range.count), MARGIN + WIDTH / 2, PAGE.height - 32, { width: WIDTH / 2, align: 'right', lineBreak: false });
  }
  doc.flushPages();
}
