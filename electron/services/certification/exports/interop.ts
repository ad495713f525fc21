// The interoperable formats, from the other parts of certification: xAPI statements of the filtered exam
// attempts and completion records (statementsFor, electron/services/lrs/statement-source.ts: the same
// statements, ids included, that the LRS outbox sends), and one Open Badges 3.0 credential per filtered
// completion record (badgesFor, ./../badges/: eddsa-rdfc-2022 proofs by the unlocked key, about 50 ms each).
// Both are JSON arrays; the signed manifest covers them like any other export.

import { statementsFor } from '../../lrs/statement-source';
import { badgesFor } from '../badges';
import { signedOf } from '../service';
import { exportRecords, type ByteSink, type ExportSource } from './source';

export async function writeXapi(src: ExportSource, sink: ByteSink): Promise<void> {
  const { from, to, role, moduleId, result, traineeId } = src.filter;
  const statements = statementsFor(src.store, { from, to, profession: role, moduleId, result, personId: traineeId });
  const enc = new TextEncoder();
  await sink.write(enc.encode('['));
  for (let i = 0; i < statements.length; i++) await sink.write(enc.encode(`${i ? ',' : ''}\n${JSON.stringify(statements[i])}`));
  await sink.write(enc.encode('\n]\n'));
  src.written.records = src.counts.records;
  src.written.attempts = src.counts.attempts;
  src.progress(src.counts.records + src.counts.attempts);
}

export async function writeOb3(src: ExportSource, sink: ByteSink): Promise<void> {
  if (!src.keys) throw new Error('the Open Badges export signs each credential: it needs the key ring');
  const keys = src.keys;
  const enc = new TextEncoder();
  async function* signed() {
    for await (const page of exportRecords(src, { documents: true })) for (const r of page) yield signedOf({ record_json: r.row.record_json!, signature_b64: r.row.signature_b64, key_fingerprint: r.row.key_fingerprint });
  }
  await sink.write(enc.encode('['));
  let first = true;
  for await (const credential of badgesFor(signed(), keys, src.institution, { now: src.now })) {
    await sink.write(enc.encode(`${first ? '' : ','}\n${JSON.stringify(credential)}`));
    first = false;
  }
  await sink.write(enc.encode('\n]\n'));
}
