import { describe, expect, it } from 'vitest';
import { containerChecks } from '../../checks/container/index.js';
import { dockerfileChecks } from '../../checks/dockerfile/index.js';
import { defaultSettings } from '../../core/model.js';
import type { Result } from '../../core/report.js';
import { lintCompose } from './lint.js';
import { applyComposeSuppressions, parseComposeSuppressions } from './suppress.js';

const registry = [...containerChecks, ...dockerfileChecks];
const reasonCheck = dockerfileChecks.find((c) => c.id === 'BH-DKF-060');

function lint(text: string, path = 'compose.yaml') {
  const out = lintCompose([{ path, text }], {
    env: {},
    checks: containerChecks,
    settings: defaultSettings(),
    readFile: () => undefined,
  });
  return applyComposeSuppressions(out.results, parseComposeSuppressions(path, text), registry, reasonCheck);
}

const status = (results: Result[], service: string, id: string): string[] =>
  results.filter((r) => r.checkId === id && r.subject.name === service).map((r) => r.status);

const STACK = `services:
  # bulkhead-ignore BH-CTR-005,BH-CTR-023 the ops console needs the host's devices
  admin:
    image: example/admin:1.4
    privileged: true
    ports:
      - "0.0.0.0:8080:8080"
      - "22:22"  # bulkhead-ignore BH-CTR-040 jump host, reachable from the bastion only
  web:
    image: nginx:1.27
    privileged: true
    ports:
    - "22:22"
`;

describe('parseComposeSuppressions', () => {
  it('covers the service block under a comment, and the one line of a trailing comment', () => {
    const s = parseComposeSuppressions('compose.yaml', STACK);
    expect(s.map((x) => [x.kind, x.ids.join(','), x.from, x.to, x.line, x.column])).toEqual([
      ['block', 'BH-CTR-005,BH-CTR-023', 3, 8, 2, 3],
      ['block', 'BH-CTR-040', 8, 8, 8, 18],
    ]);
    expect(s[0]?.reason).toBe("the ops console needs the host's devices");
  });

  it('takes a same-indent sequence into the block of the key above it, and reads the file-wide form', () => {
    const text =
      'services:\n  web:\n    # bulkhead-ignore BH-CTR-009 port 80 on purpose\n    ports:\n    - "80:80"\n    - "443:443"\n    image: nginx:1.27\n# bulkhead-ignore-file BH-CTR-012 limits set by the platform\n';
    const s = parseComposeSuppressions('c.yaml', text);
    expect(s.map((x) => [x.kind, x.from, x.to])).toEqual([
      ['block', 4, 6],
      ['file', 1, 9],
    ]);
  });

  it('finds nothing in a file without the marker, and ignores the word inside a value', () => {
    expect(parseComposeSuppressions('c.yaml', 'services:\n  web:\n    image: nginx\n')).toEqual([]);
    expect(
      parseComposeSuppressions('c.yaml', 'services:\n  web:\n    command: echo x#bulkhead-ignore-not\n'),
    ).toEqual([]);
  });
});

describe('applyComposeSuppressions over real lint results', () => {
  const { results, warnings } = lint(STACK);

  it('suppresses the named checks in the covered service only, with the reason and where it was given', () => {
    expect(status(results, 'admin', 'BH-CTR-005')).toEqual(['suppressed']);
    expect(status(results, 'admin', 'BH-CTR-023')).toEqual(['suppressed']);
    expect(status(results, 'web', 'BH-CTR-005')).toEqual(['fail']);
    const r = results.find((x) => x.checkId === 'BH-CTR-005' && x.subject.name === 'admin');
    expect(r?.suppression).toEqual({
      reason: "the ops console needs the host's devices",
      source: 'compose.yaml:2',
    });
  });

  it('a trailing comment covers its own item: port 22 of admin, not of web', () => {
    expect(status(results, 'admin', 'BH-CTR-040')).toEqual(['suppressed']);
    expect(status(results, 'web', 'BH-CTR-040')).toEqual(['fail']);
  });

  it('leaves other checks of the covered lines alone', () => {
    expect(status(results, 'admin', 'BH-CTR-015')).toEqual(['fail']);
    expect(warnings).toEqual([]);
  });

  it('reports a suppression without a reason, does not honour it, and warns about unknown or unused ids', () => {
    const text =
      'services:\n  web:\n    image: nginx:1.27\n    privileged: true  # bulkhead-ignore BH-CTR-005\n    # bulkhead-ignore BH-CTR-999 typo\n    user: "1000"  # bulkhead-ignore BH-CTR-040 no ssh here\n';
    const out = lint(text);
    expect(status(out.results, 'web', 'BH-CTR-005')).toEqual(['fail']);
    const missing = out.results.filter((r) => r.checkId === 'BH-DKF-060');
    expect(missing).toHaveLength(1);
    expect(missing[0]?.evidence[0]).toEqual({
      message: 'bulkhead-ignore BH-CTR-005 without a reason (not honoured)',
      path: 'compose.yaml:4:23',
    });
    expect(out.warnings).toEqual([
      'compose.yaml:5:5: bulkhead-ignore names unknown check BH-CTR-999',
      'compose.yaml:6:19: bulkhead-ignore BH-CTR-040 matched no finding',
    ]);
  });

  it('the file-wide form covers every service', () => {
    const out = lint(`${STACK}# bulkhead-ignore-file BH-CTR-012 memory limits come from the cluster\n`);
    expect(status(out.results, 'admin', 'BH-CTR-012')).toEqual(['suppressed']);
    expect(status(out.results, 'web', 'BH-CTR-012')).toEqual(['suppressed']);
  });
});
