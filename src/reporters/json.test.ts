import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referenceReport } from '../../test/fixtures/reports/reference-report.js';
import { type Report, type Result, summarize } from '../core/report.js';
import { canonicalReport, renderJson, renderJsonChunks } from './json.js';

const referencePath = new URL('../../test/fixtures/reports/reference.json', import.meta.url);

describe('renderJson', () => {
  const committed = readFileSync(referencePath, 'utf8');
  const out = renderJson(referenceReport);

  it('matches the committed reference report byte for byte', () => {
    expect(JSON.parse(out)).toEqual(JSON.parse(committed));
    expect(out).toBe(committed);
  });

  it('in pieces is the same text as JSON.stringify of the canonical report, one piece per result', () => {
    const pieces = [...renderJsonChunks(referenceReport)];
    expect(pieces.length).toBe(referenceReport.results.length + 2);
    expect(pieces.join('')).toBe(`${JSON.stringify(canonicalReport(referenceReport), null, 2)}\n`);
    const empty = { ...referenceReport, results: [] };
    expect([...renderJsonChunks(empty)]).toEqual([`${JSON.stringify(canonicalReport(empty), null, 2)}\n`]);
  });

  it('uses a 2-space indent and ends with one newline', () => {
    expect(out.startsWith('{\n  "schemaVersion": 1,\n  "tool": {\n    "name": "bulkhead"')).toBe(true);
    expect(out.endsWith('}\n')).toBe(true);
    expect(out.endsWith('}\n\n')).toBe(false);
  });

  it('round-trips to the same report', () => {
    expect(JSON.parse(out)).toEqual(referenceReport);
  });

  it('keeps unicode and escapes control characters as JSON does', () => {
    expect(out).toContain('"name": "søren-worker-日本"');
    expect(out).toContain(String.raw`\u001b[31mred`);
    expect(out).toContain(String.raw`\nsecond line`);
  });

  // A report assembled by hand in another key order, with undefined optionals: the output is canonical.
  const scrambled = {
    warnings: [],
    results: [
      {
        suppression: { source: '.bulkhead.yaml', expires: undefined, reason: 'accepted risk' },
        reason: undefined,
        refs: [{ id: '5.5', kind: 'cis' }],
        remediation: 'drop --privileged',
        evidence: [{ path: undefined, message: 'HostConfig.Privileged is true' }],
        subject: { path: undefined, name: 'web', id: 'abc', kind: 'container' },
        status: 'suppressed',
        scope: 'container',
        severity: 'critical',
        title: 'Container is not privileged',
        checkId: 'BH-CTR-001',
      } as unknown as Result,
    ],
    summary: {
      score: 100,
      bySeverity: { info: 0, low: 0, medium: 0, high: 0, critical: 0 },
      byStatus: { suppressed: 1, unknown: 0, pass: 0, fail: 0 },
    },
    durationMs: 12,
    startedAt: '2026-11-28T12:00:00.000Z',
    target: { engineVersion: null, hostName: null, endpoint: 'tcp://10.0.0.5:2376' },
    tool: { version: '0.1.0', name: 'bulkhead' },
    schemaVersion: 1,
  } as Report;

  it.each([
    [
      'report',
      (r: Report) => r,
      ['schemaVersion', 'tool', 'target', 'startedAt', 'durationMs', 'summary', 'results', 'warnings'],
    ],
    ['tool', (r: Report) => r.tool, ['name', 'version']],
    ['target', (r: Report) => r.target, ['endpoint', 'hostName', 'engineVersion']],
    ['summary', (r: Report) => r.summary, ['byStatus', 'bySeverity', 'score']],
    ['byStatus', (r: Report) => r.summary.byStatus, ['fail', 'pass', 'unknown', 'suppressed']],
    ['bySeverity', (r: Report) => r.summary.bySeverity, ['critical', 'high', 'medium', 'low', 'info']],
    [
      'result',
      (r: Report) => r.results[0]!,
      [
        'checkId',
        'title',
        'severity',
        'scope',
        'status',
        'subject',
        'evidence',
        'remediation',
        'refs',
        'suppression',
      ],
    ],
    ['subject', (r: Report) => r.results[0]!.subject, ['kind', 'id', 'name']],
    ['evidence', (r: Report) => r.results[0]!.evidence[0]!, ['message']],
    ['ref', (r: Report) => r.results[0]!.refs[0]!, ['kind', 'id']],
    ['suppression', (r: Report) => r.results[0]!.suppression!, ['reason', 'source']],
  ] as const)('writes %s keys in contract order and drops undefined ones', (_name, pick, keys) => {
    const parsed = JSON.parse(renderJson(scrambled)) as Report;
    expect(Object.keys(pick(parsed))).toEqual(keys);
  });

  it('keeps fields the contract gains later, after the known ones', () => {
    const extended = {
      ...referenceReport,
      futureTop: 1,
      results: [{ ...referenceReport.results[0]!, fixes: ['x'], subject: { labels: 2, kind: 'host' } }],
    } as unknown as Report;
    const parsed = JSON.parse(renderJson(extended));
    expect(Object.keys(parsed).at(-1)).toBe('futureTop');
    expect(Object.keys(parsed.results[0]).at(-1)).toBe('fixes');
    expect(parsed.results[0].subject).toEqual({ kind: 'host', labels: 2 });
    expect(Object.keys(parsed.results[0].subject)).toEqual(['kind', 'labels']);
  });

  it('fills missing summary counts with 0', () => {
    const partial = {
      ...referenceReport,
      summary: { byStatus: { fail: 2 }, bySeverity: { high: 2 }, score: 0 },
    };
    const s = JSON.parse(renderJson(partial as unknown as Report)).summary;
    expect(s.byStatus).toEqual({ fail: 2, pass: 0, unknown: 0, suppressed: 0 });
    expect(Object.keys(s.bySeverity)).toEqual(['critical', 'high', 'medium', 'low', 'info']);
  });

  it('keeps null target fields (they are part of the contract)', () => {
    expect(JSON.parse(renderJson(scrambled)).target).toEqual({
      endpoint: 'tcp://10.0.0.5:2376',
      hostName: null,
      engineVersion: null,
    });
  });

  it('does not share objects with the input', () => {
    const c = canonicalReport(referenceReport);
    expect(c).toEqual(referenceReport);
    expect(c.results[0]).not.toBe(referenceReport.results[0]);
    expect(c.warnings).not.toBe(referenceReport.warnings);
  });
});

describe('docs/report-format.md', () => {
  const doc = readFileSync(new URL('../../docs/report-format.md', import.meta.url), 'utf8');
  const example = JSON.parse(doc.split('```json\n')[1]!.split('```')[0]!) as Report;

  it('shows an example in contract key order', () => {
    expect(JSON.stringify(example)).toBe(JSON.stringify(canonicalReport(example)));
  });

  it('shows an example whose summary matches its results', () => {
    expect(example.summary).toEqual(summarize(example.results));
  });

  // A table row naming the field; the formatter pads table cells.
  const row = (key: string) => new RegExp(`^\\| \`${key}\` +\\|`, 'm');

  it('documents every result field', () => {
    for (const key of Object.keys(canonicalReport(referenceReport).results[0]!)) {
      expect(doc).toMatch(row(key));
    }
    for (const key of [
      'reason',
      'suppression',
      'kind',
      'id',
      'name',
      'path',
      'byStatus',
      'bySeverity',
      'score',
    ]) {
      expect(doc).toMatch(row(key));
    }
  });
});
