// A pdfkit document set up the way every PDF of this app is: A4, Noto Sans SC registered, fixed dates
// (so the same input gives the same bytes), and its bytes collected when it ends.

import PDFDocument from 'pdfkit';
import { registerFonts, regularFontBytes } from './fonts';

export type Doc = PDFKit.PDFDocument;

export interface DocumentOptions {
  layout: 'portrait' | 'landscape';
  title: string;
  subject: string;
  /** CreationDate and ModDate: a fact of the document (the record's issue), never the clock of the run. */
  date: Date;
  /** PDF/A-3b: the archival profile that allows an attached file (the signed record). */
  archival?: boolean;
  lang: string;
  /** Keep pages open until the end, to write "page n of m" on each. */
  bufferPages?: boolean;
}

export function newDocument(o: DocumentOptions): { doc: Doc; bytes: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    // pdfkit takes a font's bytes here too; @types/pdfkit (0.17) only knows a path.
    font: regularFontBytes() as unknown as string,
    layout: o.layout,
    margin: 0,
    autoFirstPage: true,
    bufferPages: o.bufferPages ?? false,
    pdfVersion: '1.7',
    lang: o.lang,
    displayTitle: true,
    ...(o.archival ? { subset: 'PDF/A-3b' as const } : {}),
    info: { Title: o.title, Subject: o.subject, Creator: 'Microneedling Trainer', Producer: 'Microneedling Trainer (pdfkit)', CreationDate: o.date, ModDate: o.date },
  });
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFonts(doc);
  return { doc, bytes };
}
