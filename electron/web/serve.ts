// `npm run web`: the app in a browser, for machines without the Electron binary. Serves dist/renderer
// (building it first when stale) on 127.0.0.1 with the real main-process services behind /api.
//
//   npm run web -- [--port 5180] [--data-dir DIR] [--no-build] [--clock-offset-file FILE] [--exams-dir DIR]
//   env: MICRONEEDLE_WEB_PORT, MICRONEEDLE_DATA_DIR

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { offsetClock } from './offset-clock';
import { loadExamsDir } from '../../core/node/exams-dir';
import { createServices, loadScoringPorts, openDataFolderStorage } from '../services';
import { defaultDataDir, PRODUCT_NAME } from '../services/app-info';
import { ensureRendererBuilt, RENDERER_OUT_DIR } from './renderer-build';
import { startWebServer, type RunningWebServer } from './server';
import packageJson from '../../package.json';

export const DEFAULT_WEB_PORT = 5180;

export interface WebCliOptions {
  port: number;
  dataDir: string;
  build: boolean;
  /** Tests and demonstrations: the clock runs ahead by the milliseconds written in this file. */
  clockOffsetFile?: string;
  /** The institution's own exams folder (modules, bank, tracks) instead of the shipped one; its problems are listed like the shipped one's. */
  examsDir?: string;
}

/** Parses argv (after the script name) and env; throws an Error naming the bad option. */
export function parseWebCliOptions(argv: readonly string[], env: NodeJS.ProcessEnv): WebCliOptions {
  const options: WebCliOptions = {
    port: env.MICRONEEDLE_WEB_PORT !== undefined ? parsePort(env.MICRONEEDLE_WEB_PORT, 'MICRONEEDLE_WEB_PORT') : DEFAULT_WEB_PORT,
    dataDir: env.MICRONEEDLE_DATA_DIR ?? defaultDataDir(env),
    build: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`option ${flag} needs a value`);
      return v;
    };
    if (flag === '--port') options.port = parsePort(value(), '--port');
    else if (flag === '--data-dir') options.dataDir = path.resolve(value());
    else if (flag === '--no-build') options.build = false;
    else if (flag === '--clock-offset-file') options.clockOffsetFile = path.resolve(value());
    else if (flag === '--exams-dir') options.examsDir = path.resolve(value());
    else throw new Error(`unknown option ${arg} (options: --port N, --data-dir DIR, --no-build, --clock-offset-file FILE, --exams-dir DIR)`);
  }
  return options;
}

function parsePort(text: string, where: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${where}: "${text}" is not a port number (0-65535)`);
  return port;
}

export async function runWebApp(options: WebCliOptions, root: string, log: (line: string) => void): Promise<RunningWebServer> {
  if (options.build) await ensureRendererBuilt(root, log);
  const runtime = options.clockOffsetFile ? offsetClock(options.clockOffsetFile) : undefined;
  const services = await createServices({
    storage: await openDataFolderStorage(options.dataDir, runtime?.now),
    scoring: loadScoringPorts(runtime?.now),
    legacyDataDir: options.dataDir,
    timers: true,
    ...(runtime ? { runtime } : {}),
    ...(options.examsDir ? { exams: loadExamsDir(options.examsDir) } : {}),
    onInternalError: (name, error) => log(`internal error in ${name}: ${String(error)}`),
    appInfo: {
      productName: { ...PRODUCT_NAME },
      version: packageJson.version,
      shell: 'web',
      platform: process.platform,
      locale: Intl.DateTimeFormat().resolvedOptions().locale,
      dataDir: options.dataDir,
    },
  });
  const server = await startWebServer({ rendererDir: path.join(root, RENDERER_OUT_DIR), dispatch: services.dispatch, port: options.port, log });
  return {
    ...server,
    close: async () => {
      await server.close();
      await services.dispose();
    },
  };
}

async function main(): Promise<void> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  let options: WebCliOptions;
  try {
    options = parseWebCliOptions(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`npm run web: ${(error as Error).message}`);
    process.exit(2);
  }
  const server = await runWebApp(options, root, (line) => console.log(line));
  console.log(`${PRODUCT_NAME.zh} / ${PRODUCT_NAME.en} (web) is running at ${server.url}`);
  console.log(`data directory: ${options.dataDir}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`npm run web failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
