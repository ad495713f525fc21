// The words the PDFs print, in both languages (the certificate prints both, the trainee's file the one
// asked for). Main writes the PDF, so these live here and not in the renderer's i18n files.

import type { CertificateKind, Profession } from '../../../../core/api/schemas/people';

export type PdfLang = 'zh' | 'en';

export const PROFESSION_LABEL: Record<PdfLang, Record<Profession, string>> = {
  zh: { physician: '医师', technician: '技师', nurse: '护士' },
  en: { physician: 'Physician', technician: 'Technician', nurse: 'Nurse' },
};

export const CERTIFICATE_KIND_LABEL: Record<PdfLang, Record<CertificateKind, string>> = {
  zh: {
    'physician-qualification': '执业医师资格证书',
    'physician-practising': '医师执业证书',
    'technician-qualification': '技师职业资格证书',
    'nurse-qualification': '护理资格证书',
    'nurse-practising': '护士执业证书',
  },
  en: {
    'physician-qualification': 'Physician qualification certificate',
    'physician-practising': 'Physician practising certificate',
    'technician-qualification': 'Technician vocational qualification certificate',
    'nurse-qualification': 'Nursing qualification certificate',
    'nurse-practising': 'Nurse practising certificate',
  },
};

/** A date as printed: 2026-11-01 (UTC, the date the record itself holds), the same in both languages. */
export const printedDate = (iso: string): string => iso.slice(0, 10);

/** A key fingerprint's short form: its first 16 hex digits in groups of four. */
export const shortFingerprint = (hex: string): string => hex.slice(0, 16).toUpperCase().replace(/(.{4})(?!$)/g, '$1 ');
