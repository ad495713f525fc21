// The printable certificate of a completion record: one A4 landscape page, Chinese first and English
// beneath, with the QR payload (the signed record itself, core/certification/qr-payload.ts) and the signed
// record file attached as <number>.json (PDF/A-3b, AFRelationship Source), the exact file the app's
// download gives. What the page says is only a view; what verifies is the attachment or the QR.
// The same record always gives the same bytes: the PDF's dates are the record's issuedAt.

import { encodeQrPayload } from '../../../../core/certification/qr-payload';
import { recordBytes, type SignedRecord } from '../../../../core/certification/record';
import { newDocument, type Doc } from './document';
import { FONT_BOLD, FONT_REGULAR } from './fonts';
import { CERTIFICATE_KIND_LABEL, PROFESSION_LABEL, printedDate, shortFingerprint } from './labels';
import { drawQr, MAX_PRINTED_QR_VERSION, qrSymbol } from './qr';

/** The attached file's text: what CertificatesSection downloads as <number>.json. */
export const signedRecordFileText = (signed: SignedRecord): string => JSON.stringify(signed, null, 2);
export const attachmentName = (number: string): string => `${number}.json`;

const PAGE = { width: 841.89, height: 595.28 };
const MARGIN = 48;
const INK = '#1a2433';
const MUTED = '#5b6675';
const ACCENT = '#1f5a8a';
/** Modules listed on the page itself; a longer track goes on an annex page (never cut). */
const MODULES_ON_PAGE = 7;

/** A module's published title by id and version (the record names modules by id; people read titles). */
export type ModuleTitles = (id: string, version: number) => { zh: string; en: string } | null;

export async function certificatePdf(signed: SignedRecord, titles: ModuleTitles = () => null): Promise<Buffer> {
  const r = signed.record;
  const issued = new Date(r.issuedAt);
  const { doc, bytes } = newDocument({
    layout: 'landscape',
    title: `培训合格证明 Certificate of Training Completion ${r.number}`,
    subject: `${r.trainee.name} · ${r.institution.name}`,
    date: issued,
    archival: true,
    lang: 'zh-CN',
  });
  // AFRelationship Source (PDF/A-3): the attachment is what the page was made from. @types/pdfkit lacks the option.
  const attachment: PDFKit.Mixins.PDFAttachmentOptions & { relationship: string } = {
    name: attachmentName(r.number),
    type: 'application/json',
    description: 'Signed completion record (microneedle-signed-completion-record v1); npm run verify checks it',
    relationship: 'Source',
    creationDate: issued,
    modifiedDate: issued,
  };
  doc.file(Buffer.from(signedRecordFileText(signed), 'utf8'), attachment);
  frame(doc);
  header(doc, signed);
  const annex = r.modules.length > MODULES_ON_PAGE;
  const y = details(doc, signed, annex, titles);
  qrColumn(doc, signed);
  verifyLine(doc, signed, y);
  if (annex) annexPage(doc, signed, titles);
  doc.end();
  return bytes;
}

function frame(doc: Doc) {
  doc.save().lineWidth(2).strokeColor(ACCENT).rect(20, 20, PAGE.width - 40, PAGE.height - 40).stroke();
  doc.lineWidth(0.6).rect(26, 26, PAGE.width - 52, PAGE.height - 52).stroke().restore();
}

function centered(doc: Doc, text: string, y: number, font: string, size: number, color = INK): number {
  doc.font(font).fontSize(size).fillColor(color);
  const width = PAGE.width - 2 * MARGIN;
  doc.text(text, MARGIN, y, { width, align: 'center' });
  return y + doc.heightOfString(text, { width });
}

function header(doc: Doc, signed: SignedRecord) {
  const r = signed.record;
  let y = centered(doc, r.institution.name, 40, FONT_BOLD, 15, ACCENT);
  y = centered(doc, '培训合格证明', y + 4, FONT_BOLD, 30);
  y = centered(doc, 'Certificate of Training Completion', y, FONT_BOLD, 15, MUTED);
  const zh = PROFESSION_LABEL.zh[r.role.profession];
  const en = PROFESSION_LABEL.en[r.role.profession];
  y = centered(doc, `兹证明 ${r.trainee.name} 已完成系统培训并通过考核，符合第 ${r.role.clause} 条对${zh}的要求。`, y + 8, FONT_REGULAR, 11.5);
  centered(doc, `This certifies that ${r.trainee.name} has completed systematic training and passed the examination required of a ${en.toLowerCase()} by clause ${r.role.clause}.`, y + 1, FONT_REGULAR, 9.5, MUTED);
}

const LEFT = MARGIN + 10;
const LEFT_WIDTH = 530;

/** A label (Chinese, then English in grey) over its value; returns the bottom. */
function field(doc: Doc, zh: string, en: string, value: string, x: number, y: number, width: number, valueEn?: string): number {
  doc.font(FONT_REGULAR).fontSize(7.5).fillColor(MUTED).text(`${zh}  ${en}`, x, y, { width, lineBreak: false, ellipsis: true });
  doc.font(FONT_BOLD).fontSize(11).fillColor(INK).text(value, x, y + 10, { width, lineBreak: false, ellipsis: true });
  let bottom = y + 26;
  if (valueEn) {
    doc.font(FONT_REGULAR).fontSize(8).fillColor(MUTED).text(valueEn, x, bottom - 1, { width, lineBreak: false, ellipsis: true });
    bottom += 13;
  }
  return bottom;
}

function details(doc: Doc, signed: SignedRecord, annex: boolean, titles: ModuleTitles): number {
  const r = signed.record;
  const col = LEFT_WIDTH / 2;
  let y = 188;
  field(doc, '姓名', 'Name', r.trainee.name, LEFT, y, col - 10);
  const prof = `${PROFESSION_LABEL.zh[r.role.profession]}（第 ${r.role.clause} 条）`;
  y = field(doc, '职业', 'Profession', prof, LEFT + col, y, col - 10, `${PROFESSION_LABEL.en[r.role.profession]} (clause ${r.role.clause})`);
  field(doc, '执业证书编号', 'Professional certificate no.', r.trainee.certificateNumber, LEFT, y, col - 10);
  y = field(doc, '证书类别', 'Certificate kind', CERTIFICATE_KIND_LABEL.zh[r.trainee.certificateKind], LEFT + col, y, col - 10, CERTIFICATE_KIND_LABEL.en[r.trainee.certificateKind]);
  y += 6;
  if (!annex) y = moduleTable(doc, y, r.modules, titles);
  else {
    doc.font(FONT_REGULAR).fontSize(9).fillColor(INK).text(`共 ${r.modules.length} 个模块，见附页。  ${r.modules.length} modules, listed on the annex page.`, LEFT + 4, y + 2, { width: LEFT_WIDTH });
    y += 16;
  }
  y += 12;
  const third = LEFT_WIDTH / 3;
  field(doc, '签发日期', 'Issued on', printedDate(r.issuedAt), LEFT, y, third - 10);
  field(doc, '有效期至', 'Valid until', printedDate(r.validUntil), LEFT + third, y, third - 10);
  y = field(doc, '复训截止', 'Recertify by', printedDate(r.recertifyBy), LEFT + 2 * third, y, third - 10);
  doc.font(FONT_REGULAR).fontSize(7.5).fillColor(MUTED);
  const policy = "有效期与复训日期为本机构的规定（标准未作规定）。日期为协调世界时（UTC）。  Validity and recertification dates are the institution's policy; the standard sets neither. Dates are UTC.";
  doc.text(policy, LEFT, y, { width: LEFT_WIDTH });
  y += doc.heightOfString(policy, { width: LEFT_WIDTH }) + 6;
  field(doc, '签发教员', 'Issuing instructor', r.issuedBy.name, LEFT, y, col - 10);
  y = field(doc, '证书编号', 'Record number', r.number, LEFT + col, y, col - 10);
  return y;
}

/** The modules: id, version, score and the date passed; returns the bottom. */
export function moduleTable(doc: Doc, top: number, modules: SignedRecord['record']['modules'], titles: ModuleTitles, x = LEFT, width = LEFT_WIDTH): number {
  const cols = [
    { zh: '模块', en: 'Module', w: 0.46 },
    { zh: '版本', en: 'Version', w: 0.14 },
    { zh: '成绩', en: 'Score', w: 0.14 },
    { zh: '通过日期', en: 'Date passed', w: 0.26 },
  ];
  let cx = x;
  doc.save().rect(x, top, width, 15).fill('#e8eef5').restore();
  for (const c of cols) {
    const room = c.w * width - 8;
    doc.font(FONT_BOLD).fontSize(7.5).fillColor(INK);
    // Both languages where they fit; in a narrow column the Chinese alone (never a wrapped header).
    const title = doc.widthOfString(`${c.zh} ${c.en}`) <= room ? `${c.zh} ${c.en}` : c.zh;
    doc.text(title, cx + 4, top + 3.5, { width: room, lineBreak: false });
    cx += c.w * width;
  }
  let y = top + 15;
  for (const m of modules) {
    const title = titles(m.id, m.version);
    const cells = [title ? `${title.zh}（${m.id}）` : m.id, String(m.version), String(Math.round(m.score * 10) / 10), printedDate(m.passedAt)];
    cx = x;
    cells.forEach((cell, i) => {
      doc.font(FONT_REGULAR).fontSize(9).fillColor(INK).text(cell, cx + 4, y + 3, { width: cols[i]!.w * width - 8, lineBreak: false, ellipsis: true });
      cx += cols[i]!.w * width;
    });
    y += 15;
    doc.save().lineWidth(0.4).strokeColor('#c9d3de').moveTo(x, y).lineTo(x + width, y).stroke().restore();
  }
  return y;
}

const QR_SIDE = 178;
const QR_X = PAGE.width - MARGIN - QR_SIDE - 6;
const QR_Y = 186;

function qrColumn(doc: Doc, signed: SignedRecord) {
  const symbol = qrSymbol(encodeQrPayload(signed, recordBytes(signed.record)), MAX_PRINTED_QR_VERSION);
  const w = QR_SIDE;
  const caption = symbol ? '扫码核验（签名记录在码内）  Scan to verify (the signed record is in the code)' : '此记录过长，无法放入二维码，请核验本文件所附的签名记录。  This record is too long for a QR code: verify the signed record attached to this PDF.';
  if (symbol) drawQr(doc, symbol, QR_X, QR_Y, QR_SIDE);
  else doc.save().lineWidth(0.8).dash(3, { space: 3 }).strokeColor(MUTED).rect(QR_X, QR_Y, QR_SIDE, QR_SIDE).stroke().restore();
  let y = QR_Y + QR_SIDE + 4;
  doc.font(FONT_REGULAR).fontSize(7.5).fillColor(MUTED).text(caption, QR_X, y, { width: w, align: 'center' });
  y += doc.heightOfString(caption, { width: w }) + 6;
  doc.font(FONT_REGULAR).fontSize(7.5).fillColor(MUTED).text('证书编号  Record number', QR_X, y, { width: w, align: 'center' });
  doc.font(FONT_BOLD).fontSize(12).fillColor(INK).text(signed.record.number, QR_X, y + 10, { width: w, align: 'center' });
  y += 30;
  doc.font(FONT_REGULAR).fontSize(7.5).fillColor(MUTED).text('签名密钥指纹  Key fingerprint', QR_X, y, { width: w, align: 'center' });
  doc.font(FONT_REGULAR).fontSize(10).fillColor(INK).text(shortFingerprint(signed.signature.keyFingerprint), QR_X, y + 10, { width: w, align: 'center' });
}

function verifyLine(doc: Doc, signed: SignedRecord, detailsBottom: number) {
  const n = signed.record.number;
  const zh = `核验方法：扫描二维码，或运行 npm run verify -- ${n}.pdf（本文件附有签名记录 ${attachmentName(n)}）。页面文字仅供阅读，以签名记录为准。`;
  const en = `To verify: scan the QR code, or run npm run verify -- ${n}.pdf (this PDF carries the signed record ${attachmentName(n)}). The printed text is for reading; the signed record is what counts.`;
  const width = PAGE.width - 2 * MARGIN - 20;
  doc.font(FONT_REGULAR).fontSize(8.5);
  const height = doc.heightOfString(zh, { width }) + doc.fontSize(7.5).heightOfString(en, { width }) + 2;
  const y = Math.max(detailsBottom + 10, PAGE.height - 34 - height);
  doc.save().lineWidth(0.5).strokeColor('#c9d3de').moveTo(LEFT, y - 6).lineTo(PAGE.width - MARGIN - 10, y - 6).stroke().restore();
  doc.font(FONT_REGULAR).fontSize(8.5).fillColor(INK).text(zh, LEFT, y, { width });
  doc.font(FONT_REGULAR).fontSize(7.5).fillColor(MUTED).text(en, LEFT, doc.y + 1, { width });
}

/** Annex pages for a long track: every module, two columns a page, as many pages as it takes. */
function annexPage(doc: Doc, signed: SignedRecord, titles: ModuleTitles) {
  const r = signed.record;
  const half = (PAGE.width - 2 * MARGIN - 30) / 2;
  for (let from = 0; from < r.modules.length; ) {
    doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
    frame(doc);
    let y = centered(doc, `附页：考核模块  Annex: modules examined — ${r.number}`, 44, FONT_BOLD, 14);
    y = centered(doc, `${r.trainee.name} · ${r.institution.name}`, y + 2, FONT_REGULAR, 10, MUTED) + 8;
    const perColumn = Math.floor((PAGE.height - 60 - y - 15) / 15);
    for (const x of [LEFT, LEFT + half + 10]) {
      if (from >= r.modules.length) break;
      moduleTable(doc, y, r.modules.slice(from, from + perColumn), titles, x, half);
      from += perColumn;
    }
  }
}
