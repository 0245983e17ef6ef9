import { describe, expect, it } from 'vitest';
import { daemonFacts, outcome } from '../../../test/kit/daemon.js';
import check from './containerd-cves.js';

const containerd = (v: string) =>
  daemonFacts({
    engine: '28',
    version: {
      Components: [
        { Name: 'Engine', Version: '28.5.1', Details: {} },
        { Name: 'containerd', Version: v, Details: {} },
      ],
    },
  });

describe('containerd-cves', () => {
  it.each([
    [
      'v1.7.28 (docker-ce 28): CRI-only CVEs',
      daemonFacts({ engine: '28' }),
      'pass',
      /containerd 1.7.28[\s\S]*CVE-2024-25621 \/ CVE-2025-64329 affects 1.7.28 but is not exploitable here: Docker does not use containerd's CRI plugin/,
    ],
    ['v2.1.4 (docker-ce 29)', daemonFacts({ engine: '29' }), 'pass', /containerd 2.1.4/],
    ['v1.7.20', containerd('v1.7.20'), 'fail', /CVE-2024-40635 \(medium\).*fixed in 1.7.27/],
    ['1.4.2', containerd('1.4.2'), 'fail', /CVE-2020-15257 \(high\).*fixed in 1.4.3/],
    [
      'Debian 1.6.20~ds1',
      daemonFacts({ engine: '20.10' }),
      'unknown',
      /distro build 1.6.20~ds1 .*: upstream version 1.6.20 in affected range of CVE-2024-40635; verify against the distro security tracker/,
    ],
  ] as const)('%s', (_n, daemon, status, text) => {
    const r = outcome(check, { daemon });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });

  it('falls back to /info ContainerdCommit when /version has no containerd component', () => {
    const daemon = daemonFacts({ engine: '20.10', version: { Components: [] } });
    const r = outcome(check, { daemon });
    expect(r.status).toBe('unknown');
    expect(r.text).toMatch(/GET \/info ContainerdCommit.ID = 1.6.20~ds1-1\+b1/);
  });
});
