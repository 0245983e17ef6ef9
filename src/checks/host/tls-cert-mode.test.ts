import { describe, expect, it } from 'vitest';
import {
  evaluateHost,
  fileFact,
  type HostOver,
  hostSnapshot,
  mergeOver,
  missingFile,
  statuses,
  textOf,
  tlsOver,
} from '../../../test/kit/host.js';
import check from './tls-cert-mode.js';

const PATH = '/etc/docker/tls/server-cert.pem';
const base: HostOver = tlsOver();

describe('tls-cert-mode (CIS 3.12)', () => {
  it.each<[string, HostOver, string, string]>([
    [
      'mode 0444 passes',
      { files: { [PATH]: fileFact(PATH, { mode: 0o444 }) } },
      'pass',
      'mode 0444 (at most 0444)',
    ],
    ['mode 0400 passes', { files: { [PATH]: fileFact(PATH, { mode: 0o400 }) } }, 'pass', 'mode 0400'],
    [
      'mode 0644 fails',
      { files: { [PATH]: fileFact(PATH, { mode: 0o644 }) } },
      'fail',
      `${PATH} mode 0644, allowed at most 0444 (extra bits 0200)`,
    ],
    [
      'a setuid bit fails',
      { files: { [PATH]: fileFact(PATH, { mode: 0o4444 }) } },
      'fail',
      'mode 04444, allowed at most 0444 (extra bits 04000)',
    ],
    [
      'a missing file is not applicable',
      { files: { [PATH]: missingFile(PATH) } },
      'n/a',
      `${PATH} does not exist`,
    ],
    [
      'a file that was not examined is unknown',
      { files: { [PATH]: undefined } },
      'unknown',
      `${PATH} was not examined`,
    ],
    [
      'a stat error is unknown',
      { files: { [PATH]: { path: PATH, exists: false, error: 'EACCES: permission denied' } } },
      'unknown',
      'could not be examined: EACCES',
    ],
  ])('%s', (_name, over, status, text) => {
    const out = evaluateHost(check, hostSnapshot(mergeOver(base, over)));
    expect(statuses(out)).toEqual([status]);
    expect(textOf(out)).toContain(text);
    if (status === 'pass' || status === 'fail') expect(out[0]?.subject).toEqual({ kind: 'file', path: PATH });
  });

  it('is not applicable when the daemon does not use TLS', () => {
    const out = evaluateHost(check, hostSnapshot({}));
    expect(statuses(out)).toEqual(['n/a']);
    expect(textOf(out)).toContain('daemon TLS is not configured');
  });

  it('follows the path given on the dockerd command line', () => {
    const flagPath = '/srv/tls/other.pem';
    const flag = PATH.endsWith('ca.pem')
      ? '--tlscacert'
      : PATH.endsWith('key.pem')
        ? '--tlskey'
        : '--tlscert';
    const out = evaluateHost(
      check,
      hostSnapshot(
        mergeOver(base, {
          processes: [
            {
              pid: 812,
              name: 'dockerd',
              argv: ['/usr/bin/dockerd', '--tlsverify', `${flag}=${flagPath}`],
              uid: 0,
            },
          ],
          files: { [flagPath]: fileFact(flagPath, { mode: 0o400 }) },
        }),
      ),
    );
    expect(out.map((o) => o.subject?.path)).toEqual([flagPath]);
  });
});
