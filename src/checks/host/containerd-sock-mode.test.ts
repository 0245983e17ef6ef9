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
import check from './containerd-sock-mode.js';

const PATH = '/run/containerd/containerd.sock';
const base: HostOver = {};

describe('containerd-sock-mode (CIS 3.24)', () => {
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
});
