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
} from '../../../test/kit/host.js';
import check from './registry-certs-mode.js';

const PATH = '/etc/docker/certs.d/registry.example.com:5000/ca.crt';
const base: HostOver = {};

describe('registry-certs-mode (CIS 3.8)', () => {
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
      'no certificates is not applicable',
      { files: { [PATH]: undefined } },
      'n/a',
      'no registry certificates under /etc/docker/certs.d',
    ],
    [
      'no certs.d is not applicable',
      { files: { [PATH]: undefined, '/etc/docker/certs.d': missingFile('/etc/docker/certs.d') } },
      'n/a',
      '/etc/docker/certs.d does not exist',
    ],
    [
      'certs.d not examined is unknown',
      { files: { [PATH]: undefined, '/etc/docker/certs.d': undefined } },
      'unknown',
      '/etc/docker/certs.d was not examined',
    ],
  ])('%s', (_name, over, status, text) => {
    const out = evaluateHost(check, hostSnapshot(mergeOver(base, over)));
    expect(statuses(out)).toEqual([status]);
    expect(textOf(out)).toContain(text);
    if (status === 'pass' || status === 'fail') expect(out[0]?.subject).toEqual({ kind: 'file', path: PATH });
  });

  it('reports one outcome per certificate file', () => {
    const other = '/etc/docker/certs.d/ghcr.internal/client.key';
    const out = evaluateHost(
      check,
      hostSnapshot({ files: { [other]: fileFact(other, { uid: 1000, user: 'alice', mode: 0o640 }) } }),
    );
    expect(out.map((o) => `${o.subject?.path}:${o.status}`)).toEqual([`${other}:fail`, `${PATH}:pass`]);
  });
});
