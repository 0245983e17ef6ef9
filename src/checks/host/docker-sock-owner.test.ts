import { describe, expect, it } from 'vitest';
import {
  DOCKER_GID,
  evaluateHost,
  fileFact,
  type HostOver,
  hostSnapshot,
  mergeOver,
  missingFile,
  statuses,
  textOf,
} from '../../../test/kit/host.js';
import { daemonWith } from '../../../test/kit/inspect.js';
import check from './docker-sock-owner.js';

const PATH = '/var/run/docker.sock';
const base: HostOver = {};

describe('docker-sock-owner (CIS 3.15)', () => {
  it.each<[string, HostOver, string, string]>([
    ['root:docker passes', {}, 'pass', `owned by root:docker (0:${DOCKER_GID})`],
    [
      'root:root fails',
      { files: { [PATH]: fileFact(PATH, { type: 'socket' }) } },
      'fail',
      `${PATH} owned by root:root (0:0), expected root:docker`,
    ],
    [
      'a non-root owner fails',
      { files: { [PATH]: fileFact(PATH, { uid: 1000, user: 'alice', gid: DOCKER_GID, group: 'docker' }) } },
      'fail',
      `owned by alice:docker (1000:${DOCKER_GID}), expected root:docker`,
    ],
    [
      'an unnamed gid is matched against /etc/group',
      {
        files: { [PATH]: { path: PATH, exists: true, type: 'socket', mode: 0o660, uid: 0, gid: DOCKER_GID } },
      },
      'pass',
      `owned by 0:${DOCKER_GID}`,
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

  it('judges a socket named by dockerd -H unix://', () => {
    const custom = '/run/docker-custom.sock';
    const out = evaluateHost(
      check,
      hostSnapshot({
        processes: [
          { pid: 812, name: 'dockerd', argv: ['/usr/bin/dockerd', '-H', `unix://${custom}`], uid: 0 },
        ],
        files: { [custom]: fileFact(custom, { type: 'socket', mode: 0o660, gid: 998, group: 'docker' }) },
      }),
    );
    expect(out.map((o) => o.subject?.path)).toEqual([custom]);
  });

  it('is not applicable when the daemon listens on TCP only', () => {
    const out = evaluateHost(
      check,
      hostSnapshot({
        processes: [
          { pid: 812, name: 'dockerd', argv: ['/usr/bin/dockerd', '-H', 'tcp://0.0.0.0:2376'], uid: 0 },
        ],
      }),
    );
    expect(statuses(out)).toEqual(['n/a']);
  });
  it('also judges the unix endpoint bulkhead connected to', () => {
    const rootless = '/run/user/1000/docker.sock';
    const daemon = daemonWith([]);
    daemon.connection = { ...daemon.connection, endpoint: `unix://${rootless}` };
    const snap = hostSnapshot(
      {
        files: {
          [rootless]: fileFact(rootless, {
            type: 'socket',
            mode: 0o660,
            uid: 1000,
            user: 'alice',
            gid: 1000,
            group: 'alice',
          }),
        },
      },
      { daemon },
    );
    const out = evaluateHost(check, snap);
    expect(out.map((o) => o.subject?.path)).toEqual([PATH, rootless]);
  });
});
