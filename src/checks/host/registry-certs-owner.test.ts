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
import check from './registry-certs-owner.js';

const PATH = '/etc/docker/certs.d/registry.example.com:5000/ca.crt';
const base: HostOver = {};

describe('registry-certs-owner (CIS 3.7)', () => {
  it.each<[string, HostOver, string, string]>([
    ['root:root passes', {}, 'pass', 'owned by root:root (0:0)'],
    [
      'a non-root user fails',
      { files: { [PATH]: fileFact(PATH, { uid: 1000, user: 'alice' }) } },
      'fail',
      `${PATH} owned by alice:root (1000:0), expected root:root`,
    ],
    [
      'a non-root group fails',
      { files: { [PATH]: fileFact(PATH, { gid: 998, group: 'docker' }) } },
      'fail',
      'owned by root:docker (0:998), expected root:root',
    ],
    [
      'an unresolved uid is shown by number',
      { files: { [PATH]: { path: PATH, exists: true, type: 'file', mode: 0o644, uid: 4242, gid: 0 } } },
      'fail',
      'owned by 4242:0 (4242:0)',
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
