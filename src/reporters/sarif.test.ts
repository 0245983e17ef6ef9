import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { referenceChecks, referenceReport } from '../../test/fixtures/reports/reference-report.js';
import type { Report, Result } from '../core/report.js';
import { fileUri, fingerprint, renderSarif } from './sarif.js';

// The official SARIF 2.1.0 schema, as shipped by @microsoft/jest-sarif. It is written in JSON Schema
// draft-04, which Ajv 8 no longer loads; this schema uses nothing whose meaning changed after draft-04 (no
// boolean exclusiveMinimum), so renaming its draft-04 `id` to `$id` and dropping `$schema` lets Ajv's
// draft-07 engine validate with the same meaning. Formats (uri, date-time) are not checked: ajv-formats is
// not installed, so `validateFormats: false`; the URIs and times are asserted below instead. The schema's
// `language` pattern has a stray "]" that is a syntax error with the u flag, hence `unicodeRegExp: false`.
const schemaPath = createRequire(import.meta.url).resolve(
  '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json',
);
const { $schema: _draft04, id, ...schema } = JSON.parse(readFileSync(schemaPath, 'utf8'));
const validate = new Ajv({
  strict: false,
  allErrors: true,
  validateFormats: false,
  unicodeRegExp: false,
}).compile({
  $id: id,
  ...schema,
});

interface SarifLog {
  $schema: string;
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
    invocations: Array<Record<string, unknown>>;
    results: SarifResult[];
  }>;
}
interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: string };
  properties: { tags: string[]; precision: string; 'security-severity': string };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  kind: string;
  level: string;
  message: { text: string };
  locations: Array<{
    physicalLocation?: { artifactLocation: { uri: string } };
    logicalLocations?: Array<{ name: string; kind: string; fullyQualifiedName: string }>;
  }>;
  partialFingerprints: Record<string, string>;
  suppressions?: Array<{ kind: string; status: string; justification: string }>;
}

const parse = (report: Report, opts = {}): SarifLog => JSON.parse(renderSarif(report, referenceChecks, opts));
const log = parse(referenceReport);
const run = log.runs[0]!;
const rule = (id: string) => run.tool.driver.rules.find((r) => r.id === id)!;
const resultsFor = (checkId: string) => run.results.filter((r) => r.ruleId === checkId);

describe('renderSarif', () => {
  it('is valid against the SARIF 2.1.0 schema', () => {
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check can fail', () => {
    const broken = structuredClone(log) as unknown as { runs: Array<{ results: Array<{ level: string }> }> };
    broken.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(broken)).toBe(false);
  });

  it('names the schema, version and tool', () => {
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver.name).toBe('bulkhead');
    expect(run.tool.driver.version).toBe('0.1.0');
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
  });

  it('has one rule per check with results, in id order, and ruleIndex points at it', () => {
    const ids = [...new Set(referenceReport.results.map((r) => r.checkId))].sort();
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(ids);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
  });

  it('fills a rule from the check metadata', () => {
    expect(rule('BH-CTR-010')).toMatchObject({
      name: 'host-network',
      shortDescription: { text: "Container does not share the host's network namespace" },
      fullDescription: {
        text: 'With the host network a container can bind any host port and sniff host traffic.',
      },
      help: { text: 'Remove --network host; publish the needed ports with -p 127.0.0.1:8080:80.' },
      defaultConfiguration: { level: 'error' },
      properties: {
        tags: ['security', 'CIS-5.10', 'P-NET-2'],
        precision: 'high',
        'security-severity': '8.0',
      },
    });
    expect(rule('BH-CTR-010').helpUri).toMatch(/\/docs\/checks\/BH-CTR-010\.md$/);
    expect(rule('BH-CTR-010').help.markdown).toContain('CIS Docker Benchmark 1.6.0 5.10');
    expect(rule('BH-DMN-010').properties.precision).toBe('medium');
    expect(rule('BH-DMN-005').properties.tags).toEqual([
      'security',
      'P-ENG-1',
      'CVE-2024-41110',
      'CVE-2026-34040',
    ]);
  });

  it.each([
    ['BH-DMN-005', 'critical', '9.5', 'error'],
    ['BH-HST-010', 'high', '8.0', 'error'],
    ['BH-HST-001', 'medium', '5.5', 'warning'],
    ['BH-DMN-010', 'low', '3.0', 'note'],
    ['BH-IMG-005', 'info', '0.0', 'note'],
  ])('%s (%s) has security-severity %s and level %s', (id, _sev, score, level) => {
    expect(rule(id).properties['security-severity']).toBe(score);
    expect(rule(id).defaultConfiguration.level).toBe(level);
  });

  it('reports failures with a level by severity and the evidence in the message', () => {
    const [web, worker] = resultsFor('BH-CTR-001');
    expect(web).toMatchObject({ kind: 'fail', level: 'error' });
    expect(web!.message.text).toBe(
      'container web (a3f9c1d2e4b5) does not meet "Container is not privileged"\nHostConfig.Privileged is true',
    );
    expect(worker!.message.text).toContain('container søren-worker-日本');
    expect(resultsFor('BH-IMG-001')[0]).toMatchObject({ kind: 'fail', level: 'warning' });
    expect(resultsFor('BH-IMG-005')[0]).toMatchObject({ kind: 'fail', level: 'note' });
  });

  it('omits passes by default and emits them as kind pass on request', () => {
    expect(run.results).toHaveLength(referenceReport.results.filter((r) => r.status !== 'pass').length);
    const all = parse(referenceReport, { includePasses: true });
    const passes = all.runs[0]!.results.filter((r) => r.kind === 'pass');
    expect(passes).toHaveLength(7);
    expect(passes.every((r) => r.level === 'none')).toBe(true);
    expect(validate(all)).toBe(true);
  });

  it('reports unknown results as kind open with level none and the reason', () => {
    const [u] = resultsFor('BH-DMN-010');
    expect(u).toMatchObject({ kind: 'open', level: 'none' });
    expect(u!.message.text).toContain('SecurityOptions lacks "name=userns"');
  });

  it('keeps suppressed results with an external, accepted suppression and its justification', () => {
    const s = resultsFor('BH-HST-020')[0]!;
    expect(s).toMatchObject({ kind: 'fail', level: 'note' });
    expect(s.suppressions).toEqual([
      expect.objectContaining({
        kind: 'external',
        status: 'accepted',
        justification: 'auditd is managed by the SIEM team <secops@example.com> & reviewed quarterly',
      }),
    ]);
    expect(resultsFor('BH-CTR-001').every((r) => r.suppressions === undefined)).toBe(true);
  });

  it('a suppressed result that was unknown stays kind open', () => {
    const r: Result = {
      ...referenceReport.results.find((x) => x.status === 'unknown')!,
      status: 'suppressed',
      suppression: { reason: 'known gap', source: '.bulkhead.yaml' },
    };
    const out = JSON.parse(renderSarif({ ...referenceReport, results: [r] }, referenceChecks)) as SarifLog;
    expect(out.runs[0]!.results[0]).toMatchObject({ kind: 'open', level: 'none' });
  });

  it('locates file subjects by file URI and other subjects by logical location', () => {
    expect(resultsFor('BH-HST-010')[0]!.locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: 'file:///var/run/docker.sock' } } },
    ]);
    expect(resultsFor('BH-HST-011')[0]!.locations[0]!.physicalLocation!.artifactLocation.uri).toBe(
      'file:///etc/docker/certs.d/registry.example.com%3A5000/ca%20cert.pem',
    );
    expect(resultsFor('BH-CTR-010')[0]!.locations).toEqual([
      {
        physicalLocation: { artifactLocation: { uri: 'container/db' } },
        logicalLocations: [
          {
            name: 'db',
            kind: 'resource',
            fullyQualifiedName: 'container/db',
            properties: { id: '5c1e2b3a49d8f7e6d5c4b3a29180706f5e4d3c2b1a0f9e8d7c6b5a4938271605' },
          },
        ],
      },
    ]);
    const dangling = resultsFor('BH-IMG-005')[0]!.locations[0]!;
    expect(dangling.logicalLocations![0]!.fullyQualifiedName).toBe('image/<none>:<none>');
    expect(dangling.physicalLocation!.artifactLocation.uri).toBe('image/%3Cnone%3E%3A%3Cnone%3E');
    expect(resultsFor('BH-DMN-001')[0]!.locations[0]!.physicalLocation!.artifactLocation.uri).toBe(
      'daemon/unix%3A%2F%2F%2Fvar%2Frun%2Fdocker.sock',
    );
  });

  it('gives every result an artifact location, as GitHub code scanning requires', () => {
    for (const r of run.results) expect(r.locations[0]!.physicalLocation!.artifactLocation.uri).not.toBe('');
  });

  it('can leave non-file subjects with logical locations only', () => {
    const out = parse(referenceReport, { pseudoPaths: false });
    expect(validate(out)).toBe(true);
    const loc = out.runs[0]!.results.find((r) => r.ruleId === 'BH-CTR-010')!.locations[0]!;
    expect(loc.physicalLocation).toBeUndefined();
    expect(loc.logicalLocations![0]!.fullyQualifiedName).toBe('container/db');
    const file = out.runs[0]!.results.find((r) => r.ruleId === 'BH-HST-010')!.locations[0]!;
    expect(file.physicalLocation!.artifactLocation.uri).toBe('file:///var/run/docker.sock');
  });

  it.each([
    ['/var/run/docker.sock', 'file:///var/run/docker.sock'],
    ['/etc/docker/a b#c?.json', 'file:///etc/docker/a%20b%23c%3F.json'],
    ['/srv/ünï.txt', 'file:///srv/%C3%BCn%C3%AF.txt'],
    ['compose/docker-compose.yml', 'compose/docker-compose.yml'],
  ])('fileUri(%s) = %s', (path, uri) => {
    expect(fileUri(path)).toBe(uri);
  });

  it('fingerprints by check and subject, stable across a recreated container', () => {
    const a = fingerprint('BH-CTR-001', { kind: 'container', id: 'aaa', name: 'web' });
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint('BH-CTR-001', { kind: 'container', id: 'bbb', name: 'web' })).toBe(a);
    expect(fingerprint('BH-CTR-002', { kind: 'container', id: 'aaa', name: 'web' })).not.toBe(a);
    expect(fingerprint('BH-CTR-001', { kind: 'image', name: 'web' })).not.toBe(a);
    const prints = run.results.map((r) => r.partialFingerprints['bulkhead/v1']);
    expect(new Set(prints).size).toBe(prints.length);
  });

  it('records the invocation times and collection warnings', () => {
    expect(run.invocations).toEqual([
      {
        executionSuccessful: true,
        startTimeUtc: '2026-11-28T12:00:00.000Z',
        endTimeUtc: '2026-11-28T12:00:01.834Z',
        toolExecutionNotifications: [
          {
            level: 'warning',
            message: { text: 'image layers of "nginx:1.25" could not be read: context deadline exceeded' },
          },
        ],
      },
    ]);
  });

  it('builds a rule from the result when the check list lacks it', () => {
    const out = JSON.parse(renderSarif(referenceReport, [])) as SarifLog;
    expect(validate(out)).toBe(true);
    expect(out.runs[0]!.tool.driver.rules.find((r) => r.id === 'BH-CTR-001')).toMatchObject({
      shortDescription: { text: 'Container is not privileged' },
      help: { text: expect.stringContaining('--privileged') },
    });
  });

  it('honours custom documentation URIs', () => {
    const out = parse(referenceReport, {
      informationUri: 'https://bulkhead.example.org',
      helpBaseUri: 'https://bulkhead.example.org/checks/',
    });
    expect(out.runs[0]!.tool.driver.informationUri).toBe('https://bulkhead.example.org');
    expect(out.runs[0]!.tool.driver.rules[0]!.helpUri).toBe(
      'https://bulkhead.example.org/checks/BH-CTR-001.md',
    );
  });

  it('is valid for an empty report', () => {
    const empty = parse({ ...referenceReport, results: [], warnings: [] });
    expect(validate(empty)).toBe(true);
    expect(empty.runs[0]!.results).toEqual([]);
    expect(empty.runs[0]!.invocations[0]).not.toHaveProperty('toolExecutionNotifications');
  });
});

describe('lint findings (a file subject per compose service)', () => {
  const base = referenceReport.results.find((r) => r.status === 'fail')!;
  const lintResult = (service: string, line: number): Result => ({
    ...base,
    checkId: 'BH-CTR-005',
    subject: { kind: 'file', path: 'deploy/compose.yaml', name: service },
    evidence: [
      { message: 'HostConfig.Privileged is true' },
      { message: `service "${service}" privileged`, path: `deploy/compose.yaml:${line}:5` },
    ],
  });
  const report: Report = { ...referenceReport, results: [lintResult('web', 11), lintResult('worker', 27)] };
  const out = parse(report);

  it('points each result at its line and column, and keeps services apart', () => {
    expect(validate(out)).toBe(true);
    const [a, b] = out.runs[0]!.results as unknown as {
      locations: { physicalLocation: { artifactLocation: { uri: string }; region?: object } }[];
      partialFingerprints: Record<string, string>;
    }[];
    expect(a!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'deploy/compose.yaml' },
      region: { startLine: 11, startColumn: 5 },
    });
    expect(b!.locations[0]!.physicalLocation.region).toEqual({ startLine: 27, startColumn: 5 });
    expect(a!.partialFingerprints).not.toEqual(b!.partialFingerprints);
  });
});
