import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { containerChecks } from '../../checks/container/index.js';
import { hostChecks } from '../../checks/host/index.js';
import { defaultSettings } from '../../core/model.js';
import type { Result } from '../../core/report.js';
import { type LintComposeOptions, lintCompose, RUNTIME_ONLY_CHECKS } from './lint.js';

const fixture = (rel: string): { path: string; text: string } => {
  const path = fileURLToPath(new URL(`../../../test/fixtures/compose/${rel}`, import.meta.url));
  return { path, text: readFileSync(path, 'utf8') };
};

const opts = (over: Partial<LintComposeOptions> = {}): LintComposeOptions => ({
  env: {},
  checks: containerChecks,
  settings: defaultSettings(),
  readFile: () => undefined,
  ...over,
});

const lineOf = (path: string | undefined): string => (path ?? '').split(':').slice(-2, -1)[0] ?? '?';

/** service -> "check@line,line" for every failing result, sorted. */
function failures(results: Result[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of results) {
    if (r.status !== 'fail') continue;
    const lines = r.evidence.filter((e) => e.path !== undefined).map((e) => lineOf(e.path));
    const svc = r.subject.name ?? '';
    const list = out[svc] ?? [];
    list.push(`${r.checkId}@${lines.join(',')}`);
    out[svc] = list;
  }
  for (const v of Object.values(out)) v.sort();
  return out;
}

describe('lintCompose: an insecure stack', () => {
  const file = fixture('insecure/docker-compose.yml');
  const { results, diagnostics } = lintCompose([file], opts());

  it('reports the failing checks of each service at the lines that cause them', () => {
    expect(diagnostics).toEqual([]);
    expect(failures(results)).toEqual({
      portainer: [
        'BH-CTR-001@11', // privileged: no AppArmor
        'BH-CTR-002@11',
        'BH-CTR-004@8', // nothing dropped: the service key
        'BH-CTR-005@11', // privileged: true
        'BH-CTR-010@16',
        'BH-CTR-012@8',
        'BH-CTR-013@8',
        'BH-CTR-014@8',
        'BH-CTR-015@16', // "9443:9443" on every address
        'BH-CTR-016@3', // restart: always, merged from the x-common anchor
        'BH-CTR-023@11',
        'BH-CTR-029@8',
        'BH-CTR-032@13', // docker.sock bind
        'BH-CTR-034@8',
      ],
      monitor: [
        'BH-CTR-001@26', // apparmor:unconfined
        'BH-CTR-003@23,24', // SYS_ADMIN, SYS_PTRACE
        'BH-CTR-004@18',
        'BH-CTR-006@28', // /proc bind
        'BH-CTR-011@20', // network_mode: host
        'BH-CTR-012@18',
        'BH-CTR-013@18',
        'BH-CTR-014@18',
        'BH-CTR-016@30',
        'BH-CTR-017@21', // pid: host
        'BH-CTR-029@18',
        'BH-CTR-034@18',
      ],
      sftp: [
        'BH-CTR-004@32',
        'BH-CTR-007@37', // command starts sshd
        'BH-CTR-009@35', // host port 22 < 1024
        'BH-CTR-010@35',
        'BH-CTR-012@32',
        'BH-CTR-013@32',
        'BH-CTR-014@32',
        'BH-CTR-015@35',
        'BH-CTR-016@36',
        'BH-CTR-029@32',
        'BH-CTR-034@32',
        'BH-CTR-037@39,40', // DB_PASSWORD (interpolated default), API_TOKEN; not LOG_LEVEL
        'BH-CTR-040@35', // port 22
      ],
    });
  });

  it('names the file, the service and the field in each result', () => {
    const sock = results.find((r) => r.checkId === 'BH-CTR-032' && r.status === 'fail');
    expect(sock?.subject).toEqual({ kind: 'file', path: file.path, name: 'portainer' });
    expect(sock?.evidence).toEqual([
      { message: 'engine socket /var/run/docker.sock is mounted at /var/run/docker.sock' },
      { message: 'service "portainer" volumes.0', path: `${file.path}:13:9` },
    ]);
    const secrets = results.find((r) => r.checkId === 'BH-CTR-037' && r.status === 'fail');
    expect(secrets?.evidence.map((e) => e.message)).toEqual([
      'DB_PASSWORD holds a value that looks like a secret',
      'API_TOKEN holds a value that looks like a secret',
      'service "sftp" environment.DB_PASSWORD',
      'service "sftp" environment.API_TOKEN',
    ]);
  });

  it('runs no runtime-only check and drops runtime unknowns', () => {
    const ids = new Set(results.map((r) => r.checkId));
    for (const id of Object.keys(RUNTIME_ONLY_CHECKS)) expect(ids.has(id)).toBe(false);
    // sshd judges the command; with no command naming sshd its "processes cannot be listed" unknown is dropped.
    expect(results.filter((r) => r.checkId === 'BH-CTR-007').map((r) => [r.subject.name, r.status])).toEqual([
      ['sftp', 'fail'],
    ]);
    for (const r of results) expect(r.reason ?? '').not.toMatch(/process|exec/i);
  });

  it('keeps honest unknowns about what a file cannot say (image user, daemon defaults)', () => {
    const unknowns = results
      .filter((r) => r.status === 'unknown' && r.subject.name === 'sftp')
      .map((r) => r.checkId);
    expect(unknowns.sort()).toEqual(['BH-CTR-027', 'BH-CTR-028', 'BH-CTR-033', 'BH-CTR-036']);
  });

  it('puts services on the project network, not the default bridge', () => {
    const bridge = results.filter((r) => r.checkId === 'BH-CTR-030');
    expect(bridge.map((r) => [r.subject.name, r.status])).toEqual([
      ['portainer', 'pass'],
      ['sftp', 'pass'],
    ]);
  });
});

describe('lintCompose: a hardened service', () => {
  it('fails only the review-list check for its one loopback port', () => {
    const file = fixture('hardened/compose.yaml');
    const { results, diagnostics } = lintCompose([file], opts());
    expect(diagnostics).toEqual([]);
    // BH-CTR-010 (published-ports, info) lists every published port for review, by design.
    expect(failures(results)).toEqual({ api: ['BH-CTR-010@12'] });
    expect(results.filter((r) => r.status === 'unknown')).toEqual([]);
    expect(results.filter((r) => r.status === 'pass').length).toBeGreaterThan(25);
  });
});

describe('lintCompose: files, env and profiles', () => {
  const base = {
    path: '/srv/app/compose.yaml',
    text: `services:
  web:
    image: nginx:\${TAG:?TAG is required}
    privileged: true
  debug:
    image: busybox
    profiles: [debug]
    network_mode: host
`,
  };
  const override = {
    path: '/srv/app/compose.prod.yaml',
    text: `services:
  web:
    privileged: false
    ports: ["0.0.0.0:8080:80"]
`,
  };

  it('merges an override file and reports at the override line', () => {
    const { results, diagnostics } = lintCompose([base, override], opts({ env: { TAG: '1.27' } }));
    expect(diagnostics).toEqual([]);
    const priv = results.find((r) => r.checkId === 'BH-CTR-005');
    expect(priv?.status).toBe('pass');
    const bound = results.find((r) => r.checkId === 'BH-CTR-015');
    expect(bound?.status).toBe('fail');
    expect(bound?.evidence.at(-1)).toEqual({
      message: 'service "web" ports.0',
      path: '/srv/app/compose.prod.yaml:4:13',
    });
    expect(bound?.subject).toEqual({ kind: 'file', path: '/srv/app/compose.yaml', name: 'web' });
    expect(results.some((r) => r.subject.name === 'debug')).toBe(false);
  });

  it('includes profiled services when their profile is active', () => {
    const { results } = lintCompose([base], opts({ env: { TAG: '1' }, activeProfiles: ['debug'] }));
    const host = results.find((r) => r.checkId === 'BH-CTR-011' && r.subject.name === 'debug');
    expect(host?.status).toBe('fail');
  });

  it('reports a missing required variable and still lints', () => {
    const { results, diagnostics } = lintCompose([base], opts());
    expect(diagnostics).toEqual([
      '/srv/app/compose.yaml:3:5: required variable TAG is missing: TAG is required',
    ]);
    expect(results.find((r) => r.checkId === 'BH-CTR-005')?.status).toBe('fail');
  });

  it('reads .env through readFile', () => {
    const { diagnostics } = lintCompose(
      [base],
      opts({ readFile: (p) => (p === '/srv/app/.env' ? 'TAG=1.27\n' : undefined) }),
    );
    expect(diagnostics).toEqual([]);
  });

  it('turns unreadable values into diagnostics at their line', () => {
    const { diagnostics } = lintCompose(
      [
        {
          path: '/x/c.yaml',
          text: 'services:\n  a:\n    image: a\n    mem_limit: lots\n    ports: ["80/icmp"]\n',
        },
      ],
      opts(),
    );
    expect(diagnostics).toEqual([
      '/x/c.yaml:5:13: service "a": unknown protocol in "80/icmp"',
      '/x/c.yaml:4:5: service "a": invalid size "lots"',
    ]);
  });

  it('ignores checks that are not container checks', () => {
    const { results } = lintCompose([base], opts({ env: { TAG: '1' }, checks: [...hostChecks] }));
    expect(results).toEqual([]);
  });
});

describe('lintCompose: evidence points at the offending item only', () => {
  it.each([
    [
      'a variable whose name is part of a flagged one',
      '    environment:\n      PASSWORD: ""\n      DB_PASSWORD: x9f2kq\n',
      'BH-CTR-037',
      ['service "s" environment.DB_PASSWORD'],
    ],
    [
      'the root bind that holds the socket, not the named volume',
      '    volumes:\n      - data:/data\n      - /:/host:ro\n',
      'BH-CTR-032',
      ['service "s" volumes.1'],
    ],
    [
      'the port on every address, not the loopback one',
      '    ports:\n      - "127.0.0.1:8080:80"\n      - "80:80"\n',
      'BH-CTR-015',
      ['service "s" ports.1'],
    ],
    // The variable is named; its location is the env_file entry that brought it in (line 4).
    [
      'a secret from an env file',
      '    env_file: [secrets.env]\n',
      'BH-CTR-037',
      ['service "s" environment.API_KEY'],
    ],
  ])('%s', (_name, body, checkId, want) => {
    const text = `services:\n  s:\n    image: app\n${body}`;
    const { results, diagnostics } = lintCompose(
      [{ path: '/p/compose.yaml', text }],
      opts({ readFile: (p) => (p === '/p/secrets.env' ? 'API_KEY=abcd1234efgh\n' : undefined) }),
    );
    expect(diagnostics).toEqual([]);
    const r = results.find((x) => x.checkId === checkId);
    expect(r?.status).toBe('fail');
    const located = r?.evidence.filter((e) => e.path !== undefined) ?? [];
    expect(located.map((e) => e.message)).toEqual(want);
    if (checkId === 'BH-CTR-037' && want[0]?.includes('API_KEY'))
      expect(located[0]?.path).toBe('/p/compose.yaml:4:16');
  });
});

describe('lintCompose: broken input never throws', () => {
  it.each([
    ['invalid YAML', 'services:\n  web: {image: [\n'],
    ['empty file', ''],
    ['not a mapping', '[1, 2]\n'],
    ['deep nesting', `services: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`],
    [
      'deep nesting in a service',
      `services:\n  a:\n    labels: ${'{a: '.repeat(5_000)}1${'}'.repeat(5_000)}\n`,
    ],
    [
      '10 MB',
      `services:\n${'  # padding padding padding padding padding padding padding padding\n'.repeat(160_000)}`,
    ],
  ])('%s', (_name, text) => {
    const out = lintCompose([{ path: '/x/compose.yaml', text }], opts());
    expect(out.results).toEqual([]);
    expect(out.diagnostics.length).toBeGreaterThan(0);
    for (const d of out.diagnostics) expect(d).toMatch(/^\/x\/compose\.yaml:\d+:\d+: [^\n]+$/);
  });
});

describe('lintCompose: secrets, configs, volumes_from, build args and port ranges', () => {
  const file = fixture('sidecars/compose.yaml');
  const { results, diagnostics, warnings } = lintCompose([file], opts());
  const located = (checkId: string, service: string): string[] =>
    results
      .find((r) => r.checkId === checkId && r.subject.name === service && r.status === 'fail')
      ?.evidence.filter((e) => e.path !== undefined)
      .map((e) => `${e.message} @${lineOf(e.path)}`) ?? [];

  it('judges the files behind secrets and configs as read-only binds', () => {
    expect(diagnostics).toEqual([]);
    expect(located('BH-CTR-006', 'web')).toEqual(['service "web" secrets.1 @25']); // /etc/shadow
    expect(located('BH-CTR-032', 'proxy')).toEqual(['service "proxy" secrets.0 @11']); // docker.sock
  });

  it('gives a service the mounts of the service it takes volumes from', () => {
    expect(located('BH-CTR-032', 'exporter')).toEqual(['service "exporter" volumes_from.0 @15']);
  });

  it('judges build args like the environment, at the build.args item', () => {
    const r = results.find((x) => x.checkId === 'BH-CTR-037' && x.subject.name === 'web');
    expect(r?.evidence.map((e) => e.message)).toEqual([
      'build arg NPM_TOKEN holds a value that looks like a secret',
      'service "web" build.args.NPM_TOKEN',
    ]);
    expect(located('BH-CTR-037', 'web')).toEqual(['service "web" build.args.NPM_TOKEN @21']);
  });

  it('sees every host port of a range, pointing at the range once', () => {
    const voip = results.find((x) => x.checkId === 'BH-CTR-009' && x.subject.name === 'voip');
    expect(voip?.status).toBe('fail');
    expect(voip?.evidence.filter((e) => e.path === undefined)).toHaveLength(24); // 1000-1023
    expect(located('BH-CTR-009', 'voip')).toEqual(['service "voip" ports.0 @32']);
    expect(results.find((x) => x.checkId === 'BH-CTR-009' && x.subject.name === 'web')?.status).toBe('pass');
  });

  it('returns unset variables as warnings, not diagnostics', () => {
    expect(warnings).toEqual([`${file.path}:22:5: WEB_TAG is not set; defaulting to a blank string`]);
  });
});

describe('lintCompose: new diagnostics', () => {
  it.each([
    [
      'an unknown secret',
      'services:\n  a:\n    image: a\n    secrets:\n      - db_pass\nsecrets:\n  db_password: {file: ./p.txt}\n',
      ['/p/compose.yaml:5:9: service "a": unknown secret "db_pass"'],
    ],
    [
      'an unknown service in volumes_from',
      'services:\n  a:\n    image: a\n    volumes_from: [data]\n',
      ['/p/compose.yaml:4:20: service "a": unknown service "data"'],
    ],
    [
      'a volumes_from cycle',
      'services:\n  a:\n    volumes_from: [b]\n  b:\n    volumes_from: [a]\n',
      ['/p/compose.yaml:5:20: service "b": cycle a -> b -> a'],
    ],
  ])('%s', (_n, text, want) => {
    const out = lintCompose([{ path: '/p/compose.yaml', text }], opts());
    expect(out.diagnostics).toEqual(want);
    expect(out.warnings).toEqual([]);
  });
});
