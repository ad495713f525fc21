// JSON: the signed completion records exactly as a verifier receives them (each checks with verifyRecord on
// its own), their status at export time, and the submitted exam attempts, with the filter and the export
// time. Written piece by piece, one page at a time.

import { signedOf } from '../service';
import { exportAttempts, exportRecords, type ByteSink, type ExportSource } from './source';

export const RECORDS_EXPORT_FORMAT = 'microneedle-certification-log';

export async function writeJson(src: ExportSource, sink: ByteSink): Promise<void> {
  const enc = new TextEncoder();
  const put = (text: string) => sink.write(enc.encode(text));
  const head = { format: RECORDS_EXPORT_FORMAT, version: 1, exportedAt: src.exportedAt, filter: src.filter };
  await put(`${JSON.stringify(head).slice(0, -1)},\n"records":[`);
  const statuses: string[] = [];
  let first = true;
  for await (const page of exportRecords(src, { documents: true })) {
    const parts = page.map((r) => JSON.stringify(signedOf({ record_json: r.row.record_json!, signature_b64: r.row.signature_b64, key_fingerprint: r.row.key_fingerprint })));
    for (const r of page) statuses.push(JSON.stringify({ number: r.row.number, status: r.status, revokedAt: r.row.revoked_at, revokeReason: r.row.revoke_reason }));
    await put(`${first ? '\n' : ',\n'}${parts.join(',\n')}`);
    first = false;
  }
  await put(`],\n"status":[${statuses.length ? `\n${statuses.join(',\n')}` : ''}],\n"attempts":[`);
  first = true;
  for await (const page of exportAttempts(src)) {
    const parts = page.map((a) =>
      JSON.stringify({
        id: a.id,
        traineeId: a.person_id,
        traineeName: a.person_name,
        profession: a.profession,
        certificateNumber: a.certificate_number,
        module: { id: a.module_id, version: a.module_version, hash: a.module_hash },
        attemptNo: a.attempt_no,
        submittedAt: a.submitted_at,
        score: a.score,
        passed: a.passed === null ? null : a.passed === 1,
        criticalFailure: a.critical_failure === null ? null : a.critical_failure === 1,
        regraded: a.regraded === 1,
      }),
    );
    await put(`${first ? '\n' : ',\n'}${parts.join(',\n')}`);
    first = false;
  }
  await put(']}\n');
}
