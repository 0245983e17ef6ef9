// Inline suppressions in compose files, the YAML counterpart of a Dockerfile's `# bulkhead-ignore`:
//
//   services:
//     # bulkhead-ignore BH-CTR-023 the admin UI is only reachable over the VPN    <- the whole service block
//     admin:
//       ports:
//         - "8080:8080"  # bulkhead-ignore BH-CTR-038 behind the VPN gateway        <- this item only
//   # bulkhead-ignore-file BH-CTR-040 limits are set by the orchestrator          <- every finding in the file
//
// A comment on a line of its own covers the next line that holds YAML and everything indented below it (a
// service, a key, a list item); a comment after a value covers that line and its block. The ids and the
// reason follow as in Dockerfiles; a suppression without a reason is not honoured and is reported.
import type { AnyCheck } from '../../core/model.js';
import type { Result } from '../../core/report.js';
import { matchesSelector } from '../../core/selection.js';
import { inlineSuppressionWarning } from '../inline-suppression.js';

export interface ComposeSuppression {
  path: string;
  line: number;
  column: number;
  kind: 'block' | 'file';
  ids: string[];
  reason: string;
  /** Lines covered (1-based, inclusive); the whole file for kind "file". */
  from: number;
  to: number;
}

const COMMENT = /(^|\s)#\s*bulkhead-ignore(-file)?(?=\s|$)(.*)$/;

const indentOf = (line: string): number => line.length - line.trimStart().length;
const isYaml = (line: string): boolean => {
  const t = line.trim();
  return t !== '' && !t.startsWith('#');
};

/** The `# bulkhead-ignore` comments of one compose file and the lines each covers. */
export function parseComposeSuppressions(path: string, text: string): ComposeSuppression[] {
  if (!text.includes('bulkhead-ignore')) return [];
  const lines = text.split(/\r?\n/);
  const out: ComposeSuppression[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const m = COMMENT.exec(line);
    if (!m) continue;
    const hash = m.index + (m[1] ?? '').length;
    const [idText = '', ...rest] = (m[3] ?? '').trim().split(/\s+/);
    const ids = idText
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const base = { path, line: i + 1, column: hash + 1, ids, reason: rest.join(' ').trim() };
    if (m[2] === '-file') {
      out.push({ ...base, kind: 'file', from: 1, to: lines.length });
      continue;
    }
    // Trailing comment: its own line; else the next line holding YAML.
    let target = line.slice(0, hash).trim() !== '' ? i : -1;
    if (target < 0)
      for (let j = i + 1; j < lines.length && target < 0; j++) if (isYaml(lines[j] as string)) target = j;
    if (target < 0) {
      out.push({ ...base, kind: 'block', from: 0, to: -1 });
      continue;
    }
    const head = lines[target] as string;
    const indent = indentOf(head);
    // A key without an inline value may hold a sequence at its own indentation (`ports:` then `- "80:80"`).
    const opensBlock = !/^\s*- /.test(head) && /:\s*(?:#.*)?$/.test(head);
    let end = target;
    for (let j = target + 1; j < lines.length; j++) {
      const l = lines[j] as string;
      if (!isYaml(l)) continue;
      const ind = indentOf(l);
      if (ind > indent || (opensBlock && ind === indent && /^\s*- /.test(l))) end = j;
      else break;
    }
    out.push({ ...base, kind: 'block', from: target + 1, to: end + 1 });
  }
  return out;
}

const LOCATION = /^(.*):(\d+):(\d+)$/;

export interface ComposeSuppressionOutcome {
  results: Result[];
  warnings: string[];
}

/**
 * Marks the findings the inline suppressions cover as suppressed, adds a finding of `reasonCheck` (when it
 * runs) for each suppression without ids or reason, and warns about unknown ids and unused suppressions.
 */
export function applyComposeSuppressions(
  results: Result[],
  suppressions: readonly ComposeSuppression[],
  registry: readonly AnyCheck[],
  reasonCheck: AnyCheck | undefined,
): ComposeSuppressionOutcome {
  const warnings: string[] = [];
  if (suppressions.length === 0) return { results, warnings };
  const byId = new Map(registry.map((c) => [c.id, c]));
  const used = new Set<ComposeSuppression>();
  const honoured = suppressions.filter((s) => s.reason !== '' && s.ids.length > 0);
  const out = results.map((r) => {
    if (r.status !== 'fail' || honoured.length === 0) return r;
    const check = byId.get(r.checkId);
    if (!check) return r;
    const at = r.evidence.flatMap((e) => {
      const m = LOCATION.exec(e.path ?? '');
      return m ? [{ path: m[1] as string, line: Number(m[2]) }] : [];
    });
    const s = honoured.find(
      (s) =>
        s.ids.some((id) => matchesSelector(check, id)) &&
        at.some((a) => a.path === s.path && a.line >= s.from && a.line <= s.to),
    );
    if (!s) return r;
    used.add(s);
    return {
      ...r,
      status: 'suppressed' as const,
      suppression: { reason: s.reason, source: `${s.path}:${s.line}` },
    };
  });
  for (const s of suppressions) {
    const w = inlineSuppressionWarning(`${s.path}:${s.line}:${s.column}`, s, registry, used.has(s));
    if (w) warnings.push(w);
  }
  if (reasonCheck)
    for (const s of suppressions) {
      if (s.reason !== '' && s.ids.length > 0) continue;
      out.push({
        checkId: reasonCheck.id,
        title: reasonCheck.title,
        severity: reasonCheck.severity,
        scope: reasonCheck.scope,
        status: 'fail',
        subject: { kind: 'file', path: s.path },
        evidence: [
          {
            message:
              s.ids.length === 0
                ? 'bulkhead-ignore without check ids or reason'
                : `bulkhead-ignore ${s.ids.join(',')} without a reason (not honoured)`,
            path: `${s.path}:${s.line}:${s.column}`,
          },
        ],
        remediation: reasonCheck.remediation,
        refs: reasonCheck.refs,
      });
    }
  return { results: out, warnings };
}
