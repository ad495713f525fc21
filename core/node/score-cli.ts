// `npm run score -- <recording.json> [--scenario <file>] [--lang zh|en] [--format json|text]`
// Prints the score report. Exit 0 when scored; 2 with a message naming the file and JSON pointer when the
// input is invalid (bad arguments, unreadable file, invalid JSON, schema, semantic or plausibility errors,
// positions checked against the head's bounds); 1 when the shipped head model is missing or bad (the
// scorer never scores on a stand-in).
import { readFileSync } from 'node:fs';
import { REGION_NAMES } from '../anatomy/regions';
import { parseRecording } from '../recording/validate';
import { compareClause } from '../scoring/live';
import type { Finding, ScoreReport } from '../scoring/report';
import { parseScenario, type Scenario } from '../scoring/scenario';
import { score } from '../scoring/score';
import { surfaceBounds, type TreatmentSurface } from '../surface/surface';
import { loadScoringSurface } from './surface';

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  readFile: (path: string) => string;
  /** The surface to score on; default the shipped head (loadScoringSurface). */
  loadSurface?: () => TreatmentSurface;
}

const USAGE = 'usage: npm run score -- <recording.json> [--scenario <file>] [--lang zh|en] [--format json|text]';

export class CliInputError extends Error {}

interface Args {
  recording: string;
  scenario?: string;
  lang: 'zh' | 'en';
  format: 'json' | 'text';
}

export function parseArgs(argv: readonly string[]): Args {
  let recording: string | undefined;
  let scenario: string | undefined;
  let lang: 'zh' | 'en' = 'zh';
  let format: 'json' | 'text' = 'text';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new CliInputError(`${a} needs a value\n${USAGE}`);
      return v;
    };
    if (a === '--scenario') scenario = value();
    else if (a === '--lang') {
      const v = value();
      if (v !== 'zh' && v !== 'en') throw new CliInputError(`--lang: expected zh or en, received "${v}"`);
      lang = v;
    } else if (a === '--format') {
      const v = value();
      if (v !== 'json' && v !== 'text') throw new CliInputError(`--format: expected json or text, received "${v}"`);
      format = v;
    } else if (a.startsWith('--')) throw new CliInputError(`unknown option ${a}\n${USAGE}`);
    else if (recording === undefined) recording = a;
    else throw new CliInputError(`unexpected argument "${a}"\n${USAGE}`);
  }
  if (!recording) throw new CliInputError(USAGE);
  return { recording, scenario, lang, format };
}

function readJson(io: CliIo, path: string): unknown {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (err) {
    throw new CliInputError(`${path}: cannot read: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CliInputError(`${path}: not valid JSON: ${(err as Error).message}`);
  }
}

const SEVERITY_LABEL = {
  zh: { critical: '严重', major: '主要', minor: '次要', info: '提示' },
  en: { critical: 'CRITICAL', major: 'major', minor: 'minor', info: 'info' },
} as const;

const CRITERION_LABEL = {
  zh: { safety: '安全', protocol: '流程', technique: '手法', coverage: '覆盖', parameters: '参数', aftercare: '术后护理' },
  en: { safety: 'safety', protocol: 'protocol', technique: 'technique', coverage: 'coverage', parameters: 'parameters', aftercare: 'aftercare' },
} as const;

const PROCEDURE_LABEL = {
  zh: { roller: '滚轮微针', rf: '射频微针', nano: '纳米微针' },
  en: { roller: 'roller', rf: 'RF', nano: 'nano' },
} as const;

export function formatReportText(report: ScoreReport, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  const lines: string[] = [];
  lines.push(zh ? `记录 ${report.recordingId}（${PROCEDURE_LABEL.zh[report.procedure]}）` : `Recording ${report.recordingId} (${PROCEDURE_LABEL.en[report.procedure]})`);
  lines.push(zh ? `得分 ${report.score} / 100，及格线 ${report.passMark}：${report.passed ? '通过' : '未通过'}` : `Score ${report.score} / 100, pass mark ${report.passMark}: ${report.passed ? 'PASS' : 'FAIL'}`);
  if (report.criticalFailure) lines.push(zh ? '存在严重错误：不论总分均不通过。' : 'A critical error fails the attempt whatever the total.');
  lines.push(report.criteria.map((c) => `${CRITERION_LABEL[lang][c.criterion]} ${c.assessed ? c.score : zh ? '未评' : 'not assessed'}`).join(' | '));
  for (const c of report.criteria) if (!c.assessed && c.notAssessed) lines.push(`${CRITERION_LABEL[lang][c.criterion]}${zh ? '未评：' : ' not assessed: '}${c.notAssessed.text[lang]}`);
  if (report.findings.length === 0) {
    lines.push(zh ? '没有发现问题。' : 'No findings.');
    return lines.join('\n') + '\n';
  }
  const byClause = new Map<string, Finding[]>();
  for (const f of report.findings) byClause.set(f.clause, [...(byClause.get(f.clause) ?? []), f]);
  for (const clause of [...byClause.keys()].sort(compareClause)) {
    lines.push('');
    lines.push(zh ? `第 ${clause} 条` : `Clause ${clause}`);
    for (const f of byClause.get(clause)!) {
      const region = f.region ? ` [${REGION_NAMES[f.region][lang]}]` : '';
      const sim = f.simulatorDefault ? (zh ? '（阈值为模拟器默认值）' : ' (threshold is a simulator default)') : '';
      lines.push(`  - ${SEVERITY_LABEL[lang][f.severity]}${region} ${f.message[lang]}`);
      lines.push(`    ${f.evidence.text[lang]}${sim}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** Runs the CLI; returns the exit code. */
export function runScoreCli(argv: readonly string[], io: CliIo): number {
  try {
    const args = parseArgs(argv);
    let surface: TreatmentSurface;
    try {
      surface = io.loadSurface ? io.loadSurface() : loadScoringSurface().surface;
    } catch (err) {
      io.err(`${(err as Error).message}\n`);
      return 1;
    }
    const parsed = parseRecording(readJson(io, args.recording), args.recording, { bounds: surfaceBounds(surface) });
    if (!parsed.ok) {
      io.err(`${args.recording}: invalid recording\n${parsed.errors.map((e) => `  ${e.pointer || '/'}: ${e.message}`).join('\n')}\n`);
      return 2;
    }
    let scenario: Scenario | undefined;
    if (args.scenario) {
      const s = parseScenario(readJson(io, args.scenario));
      if (!s.ok) {
        io.err(`${args.scenario}: invalid scenario\n${s.errors.map((e) => `  ${e.pointer || '/'}: ${e.message}`).join('\n')}\n`);
        return 2;
      }
      scenario = s.scenario;
    }
    const report = score(parsed.recording, { surface, scenario });
    io.out(args.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : formatReportText(report, args.lang));
    return 0;
  } catch (err) {
    if (err instanceof CliInputError) {
      io.err(err.message + '\n');
      return 2;
    }
    throw err;
  }
}

const isMain = typeof process !== 'undefined' && process.argv[1] !== undefined && /score-cli\.[cm]?[jt]s$/.test(process.argv[1]);
if (isMain) {
  process.exitCode = runScoreCli(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    readFile: (p) => readFileSync(p, 'utf8'),
  });
}
