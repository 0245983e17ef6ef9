// The terminal report: findings grouped by section and check, remediation once per check, then a summary.
import pc from 'picocolors';
import { SCOPES, SEVERITIES, type Severity, type Status, severityRank } from '../core/model.js';
import type { Report, Result } from '../core/report.js';
import {
  refLabel,
  SECTION_TITLES,
  STATUS_ORDER,
  sanitizeForTerminal,
  subjectLabel,
  wrapText,
} from './text.js';

export interface TerminalOptions {
  color: boolean;
  /** Show passing results too, instead of one count per section. */
  verbose?: boolean;
  /** Columns to wrap prose at; default 100. */
  width?: number;
  /** Source text by path (lint): findings with a location get a code frame around their line. */
  sources?: ReadonlyMap<string, string>;
}

/** Lines of context shown above and below a finding's line. */
const FRAME_CONTEXT = 1;
const FRAME_MAX_COLUMNS = 160;

/** A code frame: the finding's line with a line of context each side and a caret under the column. */
export function codeFrame(source: string, line: number, column: number, c: Colors, indent: string): string[] {
  const lines = source.split('\n');
  if (line < 1 || line > lines.length) return [];
  const from = Math.max(1, line - FRAME_CONTEXT);
  const to = Math.min(lines.length, line + FRAME_CONTEXT);
  const gutter = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    let text = sanitizeForTerminal((lines[n - 1] ?? '').replace(/\r$/, '').replace(/\t/g, '  '));
    if (text.length > FRAME_MAX_COLUMNS) text = `${text.slice(0, FRAME_MAX_COLUMNS)}…`;
    const num = String(n).padStart(gutter);
    out.push(
      n === line
        ? `${indent}${c.red('>')} ${c.bold(num)} | ${text}`
        : `${indent}  ${c.dim(`${num} |`)} ${c.dim(text)}`,
    );
    if (n === line) {
      // The caret sits under the same character once tabs are shown as two spaces.
      const raw = (lines[n - 1] ?? '').slice(0, Math.max(0, column - 1)).replace(/\t/g, '  ');
      const col = Math.min(raw.length, FRAME_MAX_COLUMNS);
      out.push(`${indent}  ${' '.repeat(gutter)} | ${' '.repeat(col)}${c.red('^')}`);
    }
  }
  return out;
}

type Colors = ReturnType<typeof pc.createColors>;

const BADGE_WIDTH = Math.max(...SEVERITIES.map((s) => s.length));

function badge(c: Colors, s: Severity): string {
  const text = s.toUpperCase().padEnd(BADGE_WIDTH);
  switch (s) {
    case 'critical':
      return c.bold(c.red(text));
    case 'high':
      return c.red(text);
    case 'medium':
      return c.yellow(text);
    case 'low':
      return c.cyan(text);
    default:
      return c.gray(text);
  }
}

const MARKS: Record<Status, string> = { fail: '✗', unknown: '?', suppressed: '~', pass: '✓' };

function mark(c: Colors, s: Status): string {
  const m = MARKS[s];
  if (s === 'fail') return c.red(m);
  if (s === 'unknown') return c.yellow(m);
  if (s === 'pass') return c.green(m);
  return c.gray(m);
}

const plural = (n: number, word: string): string => `${n} ${word}`;

function durationLabel(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Indented, wrapped, sanitized lines of `label + text`; lines after the first hang under the text so the
 * label stands out. `style` colours each finished line.
 */
function block(
  text: string,
  indent: string,
  width: number,
  style: (s: string) => string = (s) => s,
  label = '',
): string[] {
  const hang = ' '.repeat(label.length);
  return wrapText(sanitizeForTerminal(text), width - indent.length - hang.length).map(
    (l, i) => indent + style((i === 0 ? label : hang) + l),
  );
}

function evidenceText(message: string, path: string | undefined): string {
  return path !== undefined && !message.includes(path) ? `${message} (${path})` : message;
}

function renderCheck(
  results: Result[],
  c: Colors,
  width: number,
  verbose: boolean,
  sources?: ReadonlyMap<string, string>,
): string[] {
  const first = results[0]!;
  const shown = results
    .filter((r) => verbose || r.status !== 'pass')
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
  const lines = [
    `  ${badge(c, first.severity)} ${c.bold(first.checkId)}  ${sanitizeForTerminal(first.title)}`,
  ];
  for (const r of shown) {
    const tag = r.status === 'unknown' || r.status === 'suppressed' ? c.dim(`  [${r.status}]`) : '';
    lines.push(`    ${mark(c, r.status)} ${sanitizeForTerminal(subjectLabel(r.subject))}${tag}`);
    const dimmed = r.status === 'suppressed' || r.status === 'pass';
    if (r.reason !== undefined) {
      lines.push(...block(r.reason, '        ', width, c.yellow, 'reason: '));
    }
    if (r.suppression !== undefined) {
      const { reason, expires, source } = r.suppression;
      const until = expires !== undefined ? `until ${expires}, ` : '';
      lines.push(...block(`${reason} (${until}${source})`, '        ', width, c.gray, 'suppressed: '));
    }
    for (const e of r.evidence) {
      lines.push(...block(evidenceText(e.message, e.path), '        ', width, dimmed ? c.dim : undefined));
    }
    const src = r.location && r.status !== 'pass' ? sources?.get(r.location.path) : undefined;
    if (src !== undefined && r.location)
      lines.push(...codeFrame(src, r.location.line, r.location.column, c, '        '));
  }
  if (shown.some((r) => r.status !== 'pass')) {
    lines.push(...block(first.remediation, '    ', width, c.cyan, 'fix: '));
    if (first.refs.length > 0)
      lines.push(...block(first.refs.map(refLabel).join(' · '), '    ', width, c.dim, 'refs: '));
  }
  return lines;
}

function countLine(results: Result[], c: Colors): string {
  const n = (s: Status) => results.filter((r) => r.status === s).length;
  const parts = [
    [n('fail'), 'failed', c.red],
    [n('unknown'), 'unknown', c.yellow],
    [n('suppressed'), 'suppressed', c.gray],
    [n('pass'), 'passed', c.green],
  ] as const;
  return parts
    .filter(([count]) => count > 0)
    .map(([count, word, color]) => color(plural(count, word)))
    .join(c.dim(' · '));
}

function renderSection(
  results: Result[],
  c: Colors,
  width: number,
  verbose: boolean,
  sources?: ReadonlyMap<string, string>,
): string[] {
  const scope = results[0]!.scope;
  const lines = [`${c.bold(c.underline(SECTION_TITLES[scope]))}  ${countLine(results, c)}`];
  const byCheck = new Map<string, Result[]>();
  for (const r of results) {
    const list = byCheck.get(r.checkId);
    if (list) list.push(r);
    else byCheck.set(r.checkId, [r]);
  }
  const checks = [...byCheck.values()].sort(
    (a, b) =>
      severityRank(a[0]!.severity) - severityRank(b[0]!.severity) ||
      (a[0]!.checkId < b[0]!.checkId ? -1 : a[0]!.checkId > b[0]!.checkId ? 1 : 0),
  );
  for (const group of checks) {
    if (!verbose && group.every((r) => r.status === 'pass')) continue;
    lines.push(...renderCheck(group, c, width, verbose, sources));
  }
  const passed = results.filter((r) => r.status === 'pass').length;
  if (!verbose && passed > 0) lines.push(`  ${mark(c, 'pass')} ${c.dim(`${plural(passed, 'passed')}`)}`);
  return lines;
}

function scoreColor(c: Colors, score: number): (s: string) => string {
  if (score >= 90) return c.green;
  if (score >= 70) return c.yellow;
  return c.red;
}

function renderSummary(report: Report, c: Colors): string[] {
  const { byStatus, bySeverity, score } = report.summary;
  const statuses = [
    c.red(plural(byStatus.fail, 'failed')),
    c.green(plural(byStatus.pass, 'passed')),
    c.yellow(plural(byStatus.unknown, 'unknown')),
    c.gray(plural(byStatus.suppressed, 'suppressed')),
  ].join(c.dim(' · '));
  const severities = SEVERITIES.map((s) => `${bySeverity[s]} ${s}`).join(c.dim(' · '));
  return [
    c.bold('Summary'),
    `  results   ${statuses}`,
    `  failures  ${severities}`,
    `  score     ${scoreColor(c, score)(c.bold(String(score)))}${c.dim('/100')}`,
  ];
}

function header(report: Report, c: Colors): string {
  const { hostName, engineVersion, endpoint } = report.target;
  const parts = [
    `${report.tool.name} ${report.tool.version}`,
    ...(hostName !== null ? [hostName] : []),
    ...(engineVersion !== null ? [`Docker ${engineVersion}`] : []),
    ...(endpoint !== null ? [endpoint] : []),
  ].map(sanitizeForTerminal);
  return `${c.bold(parts[0]!)}${parts.length > 1 ? c.dim(' · ') : ''}${parts.slice(1).join(c.dim(' · '))}\n${c.dim(`${report.startedAt} · ${durationLabel(report.durationMs)}`)}`;
}

/** The human report. Pure: colour only when `opts.color`, so output without colour is plain and stable. */
export function renderTerminal(report: Report, opts: TerminalOptions): string {
  const c = pc.createColors(opts.color);
  const width = opts.width ?? 100;
  const verbose = opts.verbose ?? false;
  const blocks: string[] = [header(report, c)];
  for (const scope of SCOPES) {
    const results = report.results.filter((r) => r.scope === scope);
    if (results.length > 0) blocks.push(renderSection(results, c, width, verbose, opts.sources).join('\n'));
  }
  if (report.results.length === 0) blocks.push(c.dim('No checks produced results.'));
  if (report.warnings.length > 0) {
    blocks.push(
      [
        c.bold(c.yellow('Warnings')),
        ...report.warnings.flatMap((w) => block(w, '  ', width, c.yellow, '! ')),
      ].join('\n'),
    );
  }
  blocks.push(renderSummary(report, c).join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

const BAR = 20;

/**
 * One progress line, e.g. "[########------------]  40% (4/10) collecting containers". Truncated to `width`
 * so it never wraps: a wrapped line cannot be redrawn in place with "\r".
 */
export function progressLine(step: string, done: number, total: number, width = 80): string {
  const ratio = total > 0 ? Math.min(Math.max(done / total, 0), 1) : 0;
  const filled = Math.round(ratio * BAR);
  const pct = `${Math.floor(ratio * 100)}%`.padStart(4);
  const line = `[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${pct} (${done}/${total}) ${sanitizeForTerminal(step).replace(/\n/g, ' ')}`;
  const chars = [...line];
  return chars.length <= width ? line : `${chars.slice(0, Math.max(width - 1, 0)).join('')}…`;
}
