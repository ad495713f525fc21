// A child process for the LRS SIGKILL test: opens the data folder as the app does, unlocks the LRS
// password with the passphrase and pushes the outbox (the timer's work) until it is empty or it is killed.
//   READY <pid>        the password is unlocked, about to push
//   PUSHED <pending>   one push finished, with what is still queued
//   DONE               the outbox is empty
// Run with `process.execPath --import tsx test/reliability/lrs-pusher.ts --dir DIR --passphrase P`.

import { writeSync } from 'node:fs';
import { openDataFolderStorage } from '../../electron/services';
import { createAuditTrail } from '../../electron/services/audit';
import { createLrsService } from '../../electron/services/lrs/service';
import { systemRuntime } from '../../electron/services/runtime';

function arg(name: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : undefined;
  if (value === undefined) throw new Error(`lrs-pusher: --${name} is required`);
  return value;
}
const say = (line: string) => writeSync(1, `${line}\n`);

async function main() {
  const storage = await openDataFolderStorage(arg('dir'));
  const store = storage.store;
  if (!store) throw new Error(`lrs-pusher: the training file cannot be used: ${storage.status.problem}`);
  const lrs = createLrsService({ store, audit: createAuditTrail(store, () => systemRuntime.now()), clock: systemRuntime });
  if (!(await lrs.unlockAlong(arg('passphrase')))) throw new Error('lrs-pusher: the passphrase does not unlock the LRS password');
  say(`READY ${process.pid}`);
  const pending = () => store.get<{ n: number }>('SELECT count(*) AS n FROM lrs_outbox')!.n;
  while (pending() > 0) {
    await lrs.tick();
    say(`PUSHED ${pending()}`);
  }
  say('DONE');
  await lrs.stop();
  storage.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
