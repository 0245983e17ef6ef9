import { describe, expect, it } from 'vitest';
import { daemonFacts, outcome } from '../../../test/kit/daemon.js';
import check from './runc-cves.js';

const runc = (v: string) =>
  daemonFacts({
    engine: '29',
    version: {
      Components: [
        { Name: 'Engine', Version: '29.1.0', Details: {} },
        { Name: 'runc', Version: v, Details: {} },
      ],
    },
  });

describe('runc-cves', () => {
  it.each([
    [
      '1.3.0 (docker-ce 28/29)',
      daemonFacts({ engine: '29' }),
      'fail',
      /runc 1.3.0[\s\S]*CVE-2025-31133 \/ CVE-2025-52881 \(high\).*fixed in 1.3.3, 1.4.0-rc.3/,
    ],
    ['1.1.11', runc('1.1.11'), 'fail', /CVE-2024-21626 \(high\).*fixed in 1.1.12/],
    ['1.0.0-rc92', runc('1.0.0-rc92'), 'fail', /CVE-2021-30465/],
    ['1.4.3', runc('1.4.3'), 'pass', /runc 1.4.3.*no relevant CVE/],
    [
      'Debian 1.1.5+ds1',
      daemonFacts({ engine: '20.10' }),
      'unknown',
      /distro build 1.1.5\+ds1 \(debian build, marker \+ds1\): upstream version 1.1.5 in affected range of CVE-2024-21626/,
    ],
    ['Ubuntu 1.1.12-0ubuntu2~22.04.1', runc('1.1.12-0ubuntu2~22.04.1'), 'unknown', /distro build .*ubuntu/],
  ] as const)('%s', (_n, daemon, status, text) => {
    const r = outcome(check, { daemon });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });

  it('reads a git-describe RuncCommit when /version lists no runc', () => {
    const daemon = daemonFacts({ engine: '28', version: { Components: [] } });
    const r = outcome(check, { daemon });
    expect(r.status).toBe('fail');
    expect(r.text).toMatch(/GET \/info RuncCommit.ID = v1.3.0-0-g4ca628d1/);
  });
});
