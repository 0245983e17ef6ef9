import { describe, expect, it } from 'vitest';
import { daemonFacts, daemonHost, outcome } from '../../../test/kit/daemon.js';
import check from './engine-cves.js';

const engine = (v: string, over: Record<string, unknown> = {}) =>
  daemonFacts({
    engine: '28',
    version: { Version: v, Components: [{ Name: 'Engine', Version: v, Details: {} }] },
    ...over,
  });

describe('engine-cves', () => {
  it.each([
    [
      '28.5.1 (docker-ce)',
      daemonFacts({ engine: '28' }),
      'fail',
      /Docker Engine 28.5.1[\s\S]*CVE-2026-33997 \(medium\).*fixed in 29.3.1[\s\S]*CVE-2026-41567/,
    ],
    [
      '29.1.0 (docker-ce)',
      daemonFacts({ engine: '29' }),
      'fail',
      /CVE-2026-41567 \/ CVE-2026-41568 \/ CVE-2026-42306 \(high\).*fixed in 29.5.1/,
    ],
    ['29.5.1', engine('29.5.1'), 'pass', /no relevant CVE/],
    [
      '20.10.24+dfsg1 (Debian docker.io)',
      daemonFacts({ engine: '20.10' }),
      'unknown',
      /distro build 20.10.24\+dfsg1 \(debian build, marker \+dfsg1\): upstream version 20.10.24 in affected range of CVE-2024-24557, .*; verify against the distro security tracker/,
    ],
    [
      '27.1.0 without authz plugin',
      engine('27.1.0'),
      'fail',
      /CVE-2024-41110 affects 27.1.0 but is not exploitable here: no authorization plugin/,
    ],
  ] as const)('%s', (_n, daemon, status, text) => {
    const r = outcome(check, { daemon });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });

  it('fails on the authz-plugin CVEs when a plugin is configured', () => {
    const r = outcome(check, { daemon: engine('27.1.0', { info: { Plugins: { Authorization: ['opa'] } } }) });
    expect(r.status).toBe('fail');
    expect(r.text).toMatch(/CVE-2024-41110 \(critical\).*fixed in 27.1.1/);
  });

  it('treats an engine from the docker.io package as a distro build even without a marker', () => {
    const host = daemonHost({
      packages: [{ name: 'docker.io', version: '24.0.7-0ubuntu2~22.04.1', status: 'install ok installed' }],
    });
    const r = outcome(check, { daemon: engine('24.0.7'), host });
    expect(r.status).toBe('unknown');
    expect(r.text).toMatch(/distro build 24.0.7 \(package docker.io 24.0.7-0ubuntu2~22.04.1\)/);
  });

  it('ignores a removed docker.io package', () => {
    const host = daemonHost({
      packages: [{ name: 'docker.io', version: '20.10.24+dfsg1-1', status: 'deinstall ok config-files' }],
    });
    expect(outcome(check, { daemon: engine('29.5.1'), host }).status).toBe('pass');
    const gone = daemonHost({
      packages: [{ name: 'docker.io', version: '24.0.7-1', status: 'install ok not-installed' }],
    });
    expect(outcome(check, { daemon: engine('24.0.7'), host: gone }).status).toBe('fail');
  });

  it('is unknown when no version parses', () => {
    const r = outcome(check, { daemon: engine('dev') });
    expect(r.status).toBe('unknown');
  });
});
