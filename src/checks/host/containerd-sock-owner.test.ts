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
import check from './containerd-sock-owner.js';

const PATH = '/run/containerd/containerd.sock';
const base: HostOver = {};

describe('containerd-sock-owner (CIS 3.23)', () => {
  it.each<[string, HostOver, string, string]>([
    ['root:root passes', {}, 'pass', 'owned by root:root (0:0)'],
    [
      'a non-root user fails',
      { files: { [PATH]: fileFact(PATH, { uid: 1000, user: 'alice', type: 'socket' }) } },
      'fail',
      `${PATH} owned by alice:root (1000:0), expected root:root`,
    ],
    [
      'a non-root group fails',
      { files: { [PATH]: fileFact(PATH, { gid: 998, group: 'docker', type: 'socket' }) } },
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
  it("judges dockerd's managed containerd socket when no system containerd runs", () => {
    const managed = '/var/run/docker/containerd/containerd.sock';
    const out = evaluateHost(
      check,
      hostSnapshot({
        processes: [{ pid: 812, name: 'dockerd', argv: ['/usr/bin/dockerd', '-H', 'fd://'], uid: 0 }],
        files: {
          [PATH]: missingFile(PATH),
          [managed]: fileFact(managed, { type: 'socket', mode: 0o660, gid: 998, group: 'docker' }),
        },
      }),
    );
    expect(out.map((o) => `${o.subject?.path}:${o.status}`)).toEqual([`${PATH}:n/a`, `${managed}:fail`]);
  });
});
