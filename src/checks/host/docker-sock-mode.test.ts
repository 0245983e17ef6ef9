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
import { daemonWith } from '../../../test/kit/inspect.js';
import check from './docker-sock-mode.js';

const PATH = '/var/run/docker.sock';
const base: HostOver = {};

describe('docker-sock-mode (CIS 3.16)', () => {
  it.each<[string, HostOver, string, string]>([
    [
      'mode 0660 passes',
      { files: { [PATH]: fileFact(PATH, { mode: 0o660, type: 'socket' }) } },
      'pass',
      'mode 0660 (at most 0660)',
    ],
    [
      'mode 0600 passes',
      { files: { [PATH]: fileFact(PATH, { mode: 0o600, type: 'socket' }) } },
      'pass',
      'mode 0600',
    ],
    [
      'mode 0666 fails',
      { files: { [PATH]: fileFact(PATH, { mode: 0o666, type: 'socket' }) } },
      'fail',
      `${PATH} mode 0666, allowed at most 0660 (extra bits 0006)`,
    ],
    [
      'a setuid bit fails',
      { files: { [PATH]: fileFact(PATH, { mode: 0o4660, type: 'socket' }) } },
      'fail',
      'mode 04660, allowed at most 0660 (extra bits 04000)',
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
