import { describe, expect, it } from 'vitest';
import { parseConfig, settingsFrom } from '../../../src/core/config.js';
import { factsNeeded, runChecks } from '../../../src/core/engine.js';
import { ConfigError, UsageError } from '../../../src/core/errors.js';
import {
  type AnyCheck,
  cis,
  defineCheck,
  fail,
  notApplicable,
  pass,
  practice,
  unknown,
} from '../../../src/core/model.js';
import { summarize } from '../../../src/core/report.js';
import { matchesSelector, parseScopes, selectChecks } from '../../../src/core/selection.js';
import { applySuppressions } from '../../../src/core/suppress.js';
import type { ContainerFacts } from '../../../src/facts/container.js';
import { NOW, settings, snapshot } from '../../kit/snapshot.js';

const meta = {
  rationale: 'A rationale long enough to explain the risk.',
  remediation: 'Do the right thing.',
} as const;

const privileged = defineCheck({
  ...meta,
  id: 'BH-TST-001',
  slug: 'privileged',
  title: 'Container is not privileged',
  severity: 'critical',
  scope: 'container',
  facts: ['containers'],
  aliases: ['BH-OLD-001'],
  refs: [cis('5.5'), practice('P-KER-3')],
  evaluate: (c) => (c.spec.privileged ? fail('HostConfig.Privileged is true') : pass()),
});
const swarmOnly = defineCheck({
  ...meta,
  id: 'BH-TST-002',
  slug: 'swarm-only',
  title: 'Swarm thing is fine',
  severity: 'low',
  scope: 'daemon',
  facts: ['daemon'],
  refs: [cis('7.5')],
  evaluate: () => notApplicable('swarm inactive'),
});
const hostFiles = defineCheck({
  ...meta,
  id: 'BH-TST-003',
  slug: 'host-files',
  title: 'Files are owned by root',
  severity: 'medium',
  scope: 'host',
  facts: ['host'],
  refs: [cis('3.1'), practice('P-HST-1')],
  evaluate: () => [
    fail(
      { message: 'owned by 1000', path: '/etc/docker' },
      { subject: { kind: 'file', path: '/etc/docker' } },
    ),
    pass([], { subject: { kind: 'file', path: '/etc/docker/daemon.json' } }),
    unknown('cannot stat', { subject: { kind: 'file', path: '/run/containerd' } }),
  ],
});
const crashing = defineCheck({
  ...meta,
  id: 'BH-TST-004',
  slug: 'crashing',
  title: 'A check with a bug',
  severity: 'high',
  scope: 'host',
  facts: ['host'],
  refs: [practice('P-HST-2')],
  evaluate: () => {
    throw new Error('boom');
  },
});
const checks: AnyCheck[] = [privileged, swarmOnly, hostFiles, crashing];

const container = (name: string, privileged: boolean) =>
  ({ id: `${name}-id`, name, state: 'created', spec: { privileged } }) as unknown as ContainerFacts;

describe('runChecks', () => {
  const snap = snapshot({
    containers: [container('web', true), container('db', false)],
    host: {} as never,
    daemon: { connection: { endpoint: 'unix:///x.sock' } } as never,
  });

  it('evaluates per subject, drops n/a, and turns a crash into unknown', () => {
    const results = runChecks(checks, snap, settings());
    const brief = results.map((r) => [r.checkId, r.status, r.subject.name ?? r.subject.path]);
    expect(brief).toEqual([
      ['BH-TST-001', 'fail', 'web'],
      ['BH-TST-001', 'pass', 'db'],
      ['BH-TST-003', 'fail', '/etc/docker'],
      ['BH-TST-003', 'pass', '/etc/docker/daemon.json'],
      ['BH-TST-003', 'unknown', '/run/containerd'],
      ['BH-TST-004', 'unknown', undefined],
    ]);
    expect(results[0]!.evidence).toEqual([{ message: 'HostConfig.Privileged is true' }]);
    expect(results[5]!.reason).toBe('check failed: boom');
    expect(results[0]!.subject).toEqual({ kind: 'container', id: 'web-id', name: 'web' });
  });

  it('reports unknown with the gap reason when a fact is missing', () => {
    const results = runChecks(
      [privileged],
      snapshot({ gaps: { containers: 'daemon unreachable' } }),
      settings(),
    );
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      status: 'unknown',
      reason: 'daemon unreachable',
      subject: { kind: 'daemon' },
    });
  });

  it('collects only the facts the selected checks read', () => {
    expect([...factsNeeded([privileged, hostFiles])].sort()).toEqual(['containers', 'host']);
  });
});

describe('selection', () => {
  it('selects by id, alias, glob, slug, CIS id or section, practice and scope', () => {
    expect(matchesSelector(privileged, 'BH-TST-001')).toBe(true);
    expect(matchesSelector(privileged, 'bh-old-001')).toBe(true);
    expect(matchesSelector(privileged, 'BH-TST-*')).toBe(true);
    expect(matchesSelector(privileged, 'privileged')).toBe(true);
    expect(matchesSelector(privileged, 'cis:5.5')).toBe(true);
    expect(matchesSelector(privileged, '5.5')).toBe(true);
    expect(matchesSelector(privileged, 'cis:5')).toBe(true);
    expect(matchesSelector(privileged, 'cis:5.50')).toBe(false);
    expect(matchesSelector(privileged, '5.1')).toBe(false);
    expect(matchesSelector(privileged, 'P-KER-3')).toBe(true);
    expect(matchesSelector(privileged, 'scope:container')).toBe(true);
    expect(matchesSelector(privileged, 'scope:host')).toBe(false);
  });

  it('applies only, skip and scopes together', () => {
    expect(selectChecks(checks, { only: ['BH-TST-*'], skip: ['cis:7'] }).map((c) => c.id)).toEqual([
      'BH-TST-001',
      'BH-TST-003',
      'BH-TST-004',
    ]);
    expect(selectChecks(checks, { scopes: ['host'] }).map((c) => c.id)).toEqual(['BH-TST-003', 'BH-TST-004']);
  });

  it('rejects a selector that selects nothing, and unknown scopes', () => {
    expect(() => selectChecks(checks, { only: ['BH-NOPE-1'] })).toThrow(UsageError);
    expect(() => parseScopes('host,contianer')).toThrow(/unknown scope "contianer"/);
    expect(parseScopes('all')).toHaveLength(6);
  });
});

describe('config and suppressions', () => {
  it('parses a full config and fills settings', () => {
    const cfg = parseConfig(
      {
        failOn: 'medium',
        settings: { maxContainers: 5, egressPolicy: 'deny' },
        suppressions: [{ check: 'BH-TST-001', subject: 'web*', reason: 'accepted', expires: '2027-01-01' }],
      },
      'x.yaml',
    );
    const s = settingsFrom(cfg, NOW);
    expect(s.maxContainers).toBe(5);
    expect(s.egressPolicy).toBe('deny');
    expect(s.staleImageDays).toBe(90);
  });

  it('rejects a suppression without a reason, unknown keys and bad dates, naming the key', () => {
    expect(() => parseConfig({ suppressions: [{ check: 'BH-TST-001' }] }, 'x.yaml')).toThrow(
      /x\.yaml: suppressions\.0\.reason/,
    );
    expect(() => parseConfig({ suppressions: [{ check: 'A', reason: ' ' }] }, 'x.yaml')).toThrow(ConfigError);
    expect(() => parseConfig({ failon: 'high' }, 'x.yaml')).toThrow(ConfigError);
    expect(() =>
      parseConfig({ suppressions: [{ check: 'A', reason: 'r', expires: 'next week' }] }, 'x.yaml'),
    ).toThrow(/not a date/);
  });

  it('suppresses by id/alias and subject glob, ignores expired ones with a warning', () => {
    const snap = snapshot({ containers: [container('web-1', true), container('api', true)] });
    const results = runChecks([privileged], snap, settings());
    const out = applySuppressions(
      results,
      [
        { check: 'BH-OLD-001', subject: 'web-*', reason: 'legacy' },
        { check: 'BH-TST-001', subject: 'api', reason: 'old', expires: '2026-01-01' },
        { check: 'BH-TST-009', reason: 'typo' },
      ],
      [privileged],
      NOW,
    );
    expect(out.results.map((r) => [r.subject.name, r.status])).toEqual([
      ['web-1', 'suppressed'],
      ['api', 'fail'],
    ]);
    expect(out.results[0]!.suppression).toEqual({ reason: 'legacy', source: '.bulkhead.yaml' });
    expect(out.warnings).toEqual([
      'suppression of BH-TST-001 for api expired on 2026-01-01',
      'suppression of BH-TST-009 matched nothing',
    ]);
  });
});

describe('summary', () => {
  it('counts by status and failed severity, and weights the score', () => {
    const snap = snapshot({
      containers: [container('a', true)],
      host: {} as never,
      daemon: { connection: { endpoint: 'x' } } as never,
    });
    const results = runChecks(checks, snap, settings());
    const s = summarize(results);
    expect(s.byStatus).toEqual({ fail: 2, pass: 1, unknown: 2, suppressed: 0 });
    expect(s.bySeverity).toMatchObject({ critical: 1, medium: 1 });
    // pass: medium (3); fail: critical (10) + medium (3) => 3 / 16
    expect(s.score).toBe(18.8);
  });
});
