import { describe, expect, it } from 'vitest';
import { daemonFacts, daemonHost, outcome } from '../../../test/kit/daemon.js';
import check from './kernel-cves.js';

const kernel = (k: string, cg = '2') =>
  daemonFacts({ engine: '28', info: { KernelVersion: k, CgroupVersion: cg } });

describe('kernel-cves', () => {
  it.each([
    [
      'Debian 12 6.1.0-17-amd64',
      daemonFacts({ engine: '20.10' }),
      'unknown',
      /distro kernel 6.1.0-17-amd64: the upstream sublevel is not visible and release line 6.1 was affected by CVE-2024-1086; verify against the distro security tracker/,
    ],
    ['Ubuntu 24.04 6.8.0-85-generic', daemonFacts({ engine: '28' }), 'pass', /no kernel CVE/],
    ['Debian 13 6.12.48+deb13-amd64', daemonFacts({ engine: '29' }), 'pass', /6.12.48\+deb13-amd64/],
    [
      'RHEL 8 4.18.0-513.el8.x86_64 on cgroup v1',
      kernel('4.18.0-513.el8.x86_64', '1'),
      'unknown',
      /distro kernel .* CVE-2022-0492, CVE-2024-1086/,
    ],
    [
      'vanilla 5.16.5',
      kernel('5.16.5'),
      'fail',
      /CVE-2022-0847 \(high\).*fixed in 5.16.11[\s\S]*verify: CVE-2024-1086/,
    ],
    ['vanilla 6.6.14', kernel('6.6.14'), 'fail', /CVE-2024-1086 \(high\).*fixed in 6.6.15/],
    ['vanilla 6.6.20', kernel('6.6.20'), 'pass', /no kernel CVE/],
    [
      'vanilla 5.10.200 on cgroup v2',
      kernel('5.10.200'),
      'unknown',
      /kernel 5.10.200: bulkhead's reference data lists no exact fixed version for CVE-2024-1086 on this line/,
    ],
  ] as const)('%s', (_n, daemon, status, text) => {
    const r = outcome(check, { daemon });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });

  it('says cgroup v1 CVEs do not apply on a cgroup v2 host', () => {
    const r = outcome(check, { daemon: kernel('5.10.200') });
    expect(r.text).toMatch(/CVE-2022-0492 does not apply: the host uses cgroup v2 only/);
  });

  it('falls back to the host kernel release', () => {
    const daemon = daemonFacts({
      engine: '28',
      info: { KernelVersion: null },
      version: { KernelVersion: null },
    });
    const r = outcome(check, { daemon, host: daemonHost({ kernelRelease: '6.6.8' }) });
    expect(r.status).toBe('fail');
    expect(r.text).toMatch(/kernel 6.6.8 \(host kernel release\)/);
  });
});
