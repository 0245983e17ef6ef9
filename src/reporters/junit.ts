// JUnit XML, so CI systems (Jenkins, GitLab, Azure Pipelines, GitHub test reporters) show findings as tests.
import { SCOPES } from '../core/model.js';
import type { Report, Result } from '../core/report.js';
import { refLabel, SECTION_TITLES, subjectLabel } from './text.js';

// Characters XML 1.0 cannot carry at all, not even as references: C0 controls other than tab/LF/CR,
// lone surrogates, U+FFFE/U+FFFF. They are dropped.
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Text content: strips what XML cannot hold and escapes markup. */
export function xmlText(s: string): string {
  return s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute value (double-quoted); line breaks and tabs as references so parsers do not normalise them away. */
export function xmlAttr(s: string): string {
  return xmlText(s)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

const attrs = (a: Record<string, string | number>): string =>
  Object.entries(a)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');

/** The Ant schema's timestamp: ISO 8601 without zone (the report's start, in UTC). */
function junitTimestamp(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toISOString().slice(0, 19);
}

const evidenceLines = (r: Result): string[] =>
  r.evidence.map((e) => (e.path !== undefined ? `${e.message} (${e.path})` : e.message));

function details(r: Result): string {
  const refs = r.refs.map(refLabel).join(', ');
  return [
    `subject: ${subjectLabel(r.subject)}`,
    ...evidenceLines(r),
    `remediation: ${r.remediation}`,
    ...(refs ? [`refs: ${refs}`] : []),
  ].join('\n');
}

function testcase(r: Result): string {
  const open = `    <testcase${attrs({ classname: r.checkId, name: `${r.title} (${subjectLabel(r.subject, false)})`, time: '0' })}`;
  if (r.status === 'pass') return `${open}/>`;
  let body: string;
  if (r.status === 'fail') {
    const message = r.evidence.length > 0 ? r.evidence.map((e) => e.message).join('; ') : r.title;
    body = `      <failure${attrs({ message, type: r.severity })}>${xmlText(details(r))}</failure>`;
  } else if (r.status === 'suppressed') {
    const s = r.suppression;
    const message = s
      ? `suppressed: ${s.reason}${s.expires !== undefined ? ` (until ${s.expires})` : ''}`
      : 'suppressed';
    body = `      <skipped${attrs({ message })}>${xmlText(details(r))}</skipped>`;
  } else {
    body = `      <skipped${attrs({ message: `unknown: ${r.reason ?? 'no reason given'}` })}>${xmlText(details(r))}</skipped>`;
  }
  return `${open}>\n${body}\n    </testcase>`;
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

const countsOf = (results: Result[]): Counts => ({
  tests: results.length,
  failures: results.filter((r) => r.status === 'fail').length,
  errors: 0,
  skipped: results.filter((r) => r.status === 'suppressed' || r.status === 'unknown').length,
});

/**
 * One <testsuite> per scope that has results, one <testcase> per result: fail → <failure type=severity>,
 * suppressed and unknown → <skipped> with the reason, pass → an empty testcase.
 */
export function renderJunit(report: Report): string {
  const timestamp = junitTimestamp(report.startedAt);
  const hostname = report.target.hostName ?? 'localhost';
  const suites: string[] = [];
  for (const scope of SCOPES) {
    const results = report.results.filter((r) => r.scope === scope);
    if (results.length === 0) continue;
    const props = [
      ['bulkhead.version', report.tool.version],
      ['docker.endpoint', report.target.endpoint],
      ['docker.engineVersion', report.target.engineVersion],
    ]
      .filter((p): p is [string, string] => p[1] !== null)
      .map(([name, value]) => `      <property${attrs({ name, value })}/>`);
    suites.push(
      [
        `  <testsuite${attrs({ name: SECTION_TITLES[scope], ...countsOf(results), time: '0', timestamp, hostname })}>`,
        '    <properties>',
        ...props,
        '    </properties>',
        ...results.map(testcase),
        '  </testsuite>',
      ].join('\n'),
    );
  }
  const root = `<testsuites${attrs({ name: 'bulkhead', ...countsOf(report.results), time: (report.durationMs / 1000).toFixed(3), timestamp })}>`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', root, ...suites, '</testsuites>', ''].join('\n');
}
