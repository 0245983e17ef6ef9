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
import check from './etc-sysconfig-docker-mode.js';

const PATH = '/etc/sysconfig/docker';
const base: HostOver = { files: { [PATH]: fileFact(PATH) } };

describe('etc-sysconfig-docker-mode (CIS 3.21)', () => {
  it.each<[string, HostOver, string, string]>([
    [
      'mode 0644 passes',
      { files: { [PATH]: fileFact(PATH, { mode: 0o644 }) } },
      'pass',
      'mode 0644 (at most 0644)',
    ],
    ['mode 0600 passes', { files: { [PATH]: fileFact(PATH, { mode: 0o600 }) } }, 'pass', 'mode 0600'],
    [
      'mode 0664 fails',
      { files: { [PATH]: fileFact(PATH, { mode: 0o664 }) } },
      'fail',
      `${PATH} mode 0664, allowed at most 0644 (extra bits 0020)`,
    ],
    [
      'a setuid bit fails',
      { files: { [PATH]: fileFact(PATH, { mode: 0o4644 }) } },
      'fail',
      'mode 04644, allowed at most 0644 (extra bits 04000)',
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
