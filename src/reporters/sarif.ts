// SARIF 2.1.0 for code-scanning dashboards (GitHub, Azure DevOps, SonarQube). One run, one rule per check.
import { createHash } from 'node:crypto';
import type { CheckMeta, Ref, Severity, Subject } from '../core/model.js';
import type { Report, Result } from '../core/report.js';
import { subjectLabel } from './text.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Where the project and its generated check pages (docs/checks/<ID>.md) live. */
export const PROJECT_URI = 'https://github.com/bulkhead-security/bulkhead';

export interface SarifOptions {
  /** tool.driver.informationUri; default PROJECT_URI. */
  informationUri?: string;
  /** Base of the check pages; a rule's helpUri is `<helpBaseUri>/<ID>.md`. */
  helpBaseUri?: string;
  /** Emit passing results as kind "pass" (default false: code-scanning tools ignore them). */
  includePasses?: boolean;
  /**
   * Also give containers, images, networks, the host and the daemon a relative pseudo path such as
   * `container/web` as physical location (default true). GitHub code scanning rejects a result without an
   * artifact location ("expected at least one location"), so without it an audit could not be uploaded.
   */
  pseudoPaths?: boolean;
}

type Level = 'error' | 'warning' | 'note' | 'none';

/** GitHub code scanning reads `security-severity` (a CVSS-like score) to rank alerts. */
export const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};

export const levelFor = (s: Severity): Level =>
  s === 'critical' || s === 'high' ? 'error' : s === 'medium' ? 'warning' : 'note';

/** SARIF tags for refs: "CIS-5.10", "P-NET-2", "CVE-2024-41110". URL refs go to the help text instead. */
function refTag(r: Ref): string | null {
  if (r.kind === 'cis') return `CIS-${r.id}`;
  if (r.kind === 'url') return null;
  return r.id;
}

function refMarkdown(r: Ref): string {
  if (r.kind === 'cis') return `CIS Docker Benchmark 1.6.0 ${r.id}`;
  if (r.kind === 'cve') return `[${r.id}](https://www.cve.org/CVERecord?id=${encodeURIComponent(r.id)})`;
  if (r.kind === 'url') return `<${r.id}>`;
  return r.id;
}

/** Rule metadata from the check list; results carry enough to rebuild a rule for a check not in it. */
function metaFor(checkId: string, checks: readonly CheckMeta[], sample: Result): CheckMeta {
  const found = checks.find((c) => c.id === checkId);
  if (found) return found;
  return {
    id: sample.checkId,
    slug: sample.checkId.toLowerCase(),
    title: sample.title,
    severity: sample.severity,
    scope: sample.scope,
    rationale: sample.title,
    remediation: sample.remediation,
    refs: sample.refs,
    facts: [],
  };
}

function rule(c: CheckMeta, helpBase: string) {
  const tags = ['security', ...c.refs.map(refTag).filter((t): t is string => t !== null)];
  const helpUri = `${helpBase}/${encodeURIComponent(c.id)}.md`;
  const refs = c.refs.map((r) => `- ${refMarkdown(r)}`).join('\n');
  const markdown = [
    c.rationale,
    `**Remediation**\n\n${c.remediation}`,
    ...(refs ? [`**References**\n\n${refs}`] : []),
    `[Check documentation](${helpUri})`,
  ].join('\n\n');
  return {
    id: c.id,
    name: c.slug,
    shortDescription: { text: c.title },
    fullDescription: { text: c.rationale },
    // Former ids, so dashboards keep the history of alerts raised under them.
    ...(c.aliases !== undefined && c.aliases.length > 0 ? { deprecatedIds: [...c.aliases] } : {}),
    defaultConfiguration: { level: levelFor(c.severity) },
    helpUri,
    help: { text: c.remediation, markdown },
    properties: {
      tags,
      // Every check judges exact configuration values; CIS "Manual" controls we only partly automate may
      // miss context a human would weigh, so they claim less.
      precision: c.partial ? 'medium' : 'high',
      'security-severity': SECURITY_SEVERITY[c.severity],
      severity: c.severity,
      scope: c.scope,
    },
  };
}

/** A URI for a file subject: absolute POSIX paths become file:// URIs, relative ones stay relative. */
export function fileUri(path: string): string {
  const encoded = path
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
  return path.startsWith('/') ? `file://${encoded}` : encoded;
}

/** The identity of a finding across runs: the name outlives a recreated container or a rebuilt image. */
export function fingerprint(checkId: string, s: Subject, detail?: string): string {
  const parts = [checkId, s.kind, s.path ?? s.name ?? s.id ?? ''];
  // Several subjects in one file (compose services) stay distinct; audit file subjects carry no name.
  if (s.path !== undefined && s.name !== undefined) parts.push(s.name);
  // Several findings of one rule in one Dockerfile stage differ by what was seen (not by line: lines move).
  if (detail !== undefined) parts.push(detail);
  const key = parts.join('\u0000');
  return createHash('sha256').update(key).digest('hex');
}

/** The first `file:line:col` evidence path in the subject's file, as a SARIF region (lint findings). */
function regionFor(s: Subject, evidence: readonly { path?: string }[]) {
  for (const e of evidence) {
    const m = /^(.*):(\d+):(\d+)$/.exec(e.path ?? '');
    if (m && m[1] === s.path) return { startLine: Number(m[2]), startColumn: Number(m[3]) };
  }
  return undefined;
}

function locationsFor(s: Subject, pseudoPaths: boolean, evidence: readonly { path?: string }[] = []) {
  if (s.kind === 'file' && s.path !== undefined) {
    const region = regionFor(s, evidence);
    return [
      {
        physicalLocation: { artifactLocation: { uri: fileUri(s.path) }, ...(region ? { region } : {}) },
        ...(s.name !== undefined ? { logicalLocations: [{ name: s.name, kind: 'resource' }] } : {}),
      },
    ];
  }
  const name = s.name ?? s.id ?? s.kind;
  const uri = s.name !== undefined || s.id !== undefined ? `${s.kind}/${encodeURIComponent(name)}` : s.kind;
  return [
    {
      ...(pseudoPaths ? { physicalLocation: { artifactLocation: { uri } } } : {}),
      logicalLocations: [
        {
          name,
          // Docker objects are not code constructs; "resource" is the closest of SARIF's suggested kinds.
          kind: 'resource',
          fullyQualifiedName: `${s.kind}/${name}`,
          ...(s.id !== undefined ? { properties: { id: s.id } } : {}),
        },
      ],
    },
  ];
}

/** Whether a result is (or, when suppressed, was) one the check could not judge: engine sets reason only then. */
const undetermined = (r: Result): boolean =>
  r.status === 'unknown' || (r.status === 'suppressed' && r.reason !== undefined);

function message(r: Result): string {
  const subject = subjectLabel(r.subject);
  const head =
    r.status === 'pass'
      ? `${subject} meets "${r.title}"`
      : undetermined(r)
        ? `Could not check "${r.title}" for ${subject}: ${r.reason ?? 'no reason given'}`
        : `${subject} does not meet "${r.title}"`;
  const lines = r.evidence.map((e) => (e.path !== undefined ? `${e.message} (${e.path})` : e.message));
  return [head, ...lines].join('\n');
}

function resultFor(r: Result, ruleIndex: number, pseudoPaths: boolean) {
  // SARIF §3.27.9/§3.27.10: any kind other than "fail" must have level "none".
  //  - unknown → kind "open": "the tool could not determine whether a problem exists" (a missing or
  //    unreadable fact), which is what unknown means; "review" is for results a human must always judge.
  //  - suppressed → the underlying kind (fail, or open when it was unknown) with an accepted external
  //    suppression (the .bulkhead.yaml entry), so dashboards show it as dismissed rather than fixed.
  //  - pass → kind "pass" (only with includePasses).
  const kind = undetermined(r) ? 'open' : r.status === 'pass' ? 'pass' : 'fail';
  const level: Level = kind === 'fail' ? levelFor(r.severity) : 'none';
  return {
    ruleId: r.checkId,
    ruleIndex,
    kind,
    level,
    message: { text: message(r) },
    locations: locationsFor(r.subject, pseudoPaths, r.evidence),
    partialFingerprints: {
      'bulkhead/v1': fingerprint(r.checkId, r.subject, r.location ? r.evidence[0]?.message : undefined),
    },
    ...(r.suppression !== undefined
      ? {
          suppressions: [
            {
              kind: 'external',
              status: 'accepted',
              justification: r.suppression.reason,
              properties: {
                source: r.suppression.source,
                ...(r.suppression.expires !== undefined ? { expires: r.suppression.expires } : {}),
              },
            },
          ],
        }
      : {}),
    properties: { status: r.status, severity: r.severity, subjectKind: r.subject.kind },
  };
}

function endTime(startedAt: string, durationMs: number): string {
  const start = Date.parse(startedAt);
  return Number.isNaN(start) ? startedAt : new Date(start + durationMs).toISOString();
}

/** The SARIF log for a report. `checks` supplies rule prose (rationale) that results do not carry. */
export function renderSarif(report: Report, checks: readonly CheckMeta[], opts: SarifOptions = {}): string {
  const informationUri = opts.informationUri ?? PROJECT_URI;
  const helpBase = (opts.helpBaseUri ?? `${PROJECT_URI}/blob/main/docs/checks`).replace(/\/+$/, '');
  // Rules: every check with a result in the report, in id order, so ruleIndex is stable between runs.
  const samples = new Map<string, Result>();
  for (const r of report.results) if (!samples.has(r.checkId)) samples.set(r.checkId, r);
  const ids = [...samples.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(ids.map((id, i) => [id, i]));
  const rules = ids.map((id) => rule(metaFor(id, checks, samples.get(id)!), helpBase));
  const results = report.results
    .filter((r) => r.status !== 'pass' || opts.includePasses === true)
    .map((r) => resultFor(r, index.get(r.checkId)!, opts.pseudoPaths ?? true));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri,
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            startTimeUtc: report.startedAt,
            endTimeUtc: endTime(report.startedAt, report.durationMs),
            ...(report.warnings.length > 0
              ? {
                  toolExecutionNotifications: report.warnings.map((w) => ({
                    level: 'warning',
                    message: { text: w },
                  })),
                }
              : {}),
          },
        ],
        results,
        properties: {
          target: report.target,
          summary: report.summary,
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
