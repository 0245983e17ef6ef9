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
import check from './etc-docker-mode.js';

const PATH = '/etc/docker';
const base: HostOver = {};

describe('etc-docker-mode (CIS 3.6)', () => {
  it.each<[string, HostOver, string, string]>([
    [
      'mode 0755 passes',
      { files: { [PATH]: fileFact(PATH, { mode: 0o755, type: 'dir' }) } },
      'pass',
      'mode 0755 (at most 0755)',
    ],
    [
      'mode 0700 passes',
      { files: { [PATH]: fileFact(PATH, { mode: 0o700, type: 'dir' }) } },
      'pass',
      'mode 0700',
    ],
    [
      'mode 0775 fails',
      { files: { [PATH]: fileFact(PATH, { mode: 0o775, type: 'dir' }) } },
      'fail',
      `${PATH} mode 0775, allowed at most 0755 (extra bits 0020)`,
    ],
    [
      'a setuid bit fails',
      { files: { [PATH]: fileFact(PATH, { mode: 0o4755, type: 'dir' }) } },
      'fail',
      'mode 04755, allowed at most 0755 (extra bits 04000)',
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
