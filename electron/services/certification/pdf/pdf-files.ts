// The calls behind certificates.pdf, people.filePdf and certificates.verifyFile. Main checks the caller
// itself: a trainee gets only their own record and their own file; staff any record, and instructors and
// administrators any trainee's file (people.get applies who may open which file). Anyone signed in
// verifies a file: the key ring's public keys (retired ones included) and the revoked numbers decide.

import type { SignedIn } from '../../../../core/api/contract';
import { ApiFailure } from '../../../../core/api/errors';
import type { FileVerification } from '../../../../core/api/schemas/certification';
import type { TrainingStore } from '../../db/store';
import type { PeopleService } from '../../people';
import type { Clock } from '../../runtime';
import { nodeVerifyCrypto, type KeyRing } from '../keys';
import { signedOf } from '../service';
import { traineeFileData } from '../trainee-file-data';
import { verifyFile } from '../verify-file';
import { certificatePdf } from './certificate-pdf';
import type { PdfLang } from './labels';
import { traineeFilePdf } from './trainee-file-pdf';

export interface PdfFile {
  fileName: string;
  mediaType: 'application/pdf';
  base64: string;
}

/** At most 20 MB of file to verify (a certificate PDF is about 70 KB). */
export const MAX_VERIFY_FILE_BYTES = 20 * 1024 * 1024;

export function createCertificatePdfFiles(deps: { store: TrainingStore; people: PeopleService; keys: KeyRing; clock: Clock; institution: () => string }) {
  const { store, people, keys, clock } = deps;
  /** The title a published module version carries (exam_modules keeps every version ever published). */
  const publishedTitle = (id: string, version: number): { zh: string; en: string } | null => {
    const row = store.get<{ document: string }>('SELECT document FROM exam_modules WHERE id = ? AND version = ?', id, version);
    const title = row ? (JSON.parse(row.document) as { title?: { zh?: unknown; en?: unknown } }).title : undefined;
    return typeof title?.zh === 'string' && typeof title.en === 'string' ? { zh: title.zh, en: title.en } : null;
  };
  const pdf = (fileName: string, bytes: Buffer): PdfFile => ({ fileName, mediaType: 'application/pdf', base64: bytes.toString('base64') });

  return {
    async certificate(caller: SignedIn, number: string): Promise<PdfFile> {
      const row = store.get<{ person_id: string; record_json: string; signature_b64: string; key_fingerprint: string }>('SELECT person_id, record_json, signature_b64, key_fingerprint FROM completion_records WHERE number = ?', number);
      // A trainee asking for someone else's number learns no more than for a number that does not exist.
      if (!row || (caller.accountRole === 'trainee' && row.person_id !== caller.personId)) throw new ApiFailure('not-found', `no completion record ${number}`, '/number');
      return pdf(`${number}.pdf`, await certificatePdf(signedOf(row), publishedTitle));
    },

    async traineeFile(caller: SignedIn, personId: string, lang: PdfLang): Promise<PdfFile> {
      if (caller.accountRole === 'trainee' && caller.personId !== personId) throw new ApiFailure('forbidden', 'trainees may download only their own file', '/personId');
      const person = people.get(caller, personId);
      if (person.accountRole !== 'trainee') throw new ApiFailure('conflict', 'a training file PDF is made for trainees', '/personId');
      const data = traineeFileData(store, caller, person, deps.institution(), clock.now());
      const safeName = person.name.replace(/[\\/:*?"<>|\s]+/g, '_');
      return pdf(`${lang === 'zh' ? '培训档案' : 'training-file'}-${safeName}-${data.madeAt.slice(0, 10)}.pdf`, await traineeFilePdf(data, lang));
    },

    verifyFile(fileName: string, base64: string, manifest?: { fileName: string; text: string }): Promise<FileVerification> {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new ApiFailure('invalid-payload', 'the file is not base64', '/base64');
      const bytes = Buffer.from(base64, 'base64');
      if (bytes.length > MAX_VERIFY_FILE_BYTES) throw new ApiFailure('invalid-payload', `the file is larger than ${MAX_VERIFY_FILE_BYTES / 1024 / 1024} MB`, '/base64');
      const revoked = new Set(store.all<{ number: string }>('SELECT number FROM completion_records WHERE revoked_at IS NOT NULL').map((r) => r.number));
      return verifyFile({ fileName, bytes, ...(manifest ? { manifest } : {}) }, { publicKeys: keys.all(), revoked, now: clock.now(), crypto: nodeVerifyCrypto });
    },
  };
}
