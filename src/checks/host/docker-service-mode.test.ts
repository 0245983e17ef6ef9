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
import check from './docker-service-mode.js';

const PATH = '/lib/systemd/system/docker.service';
const base: HostOver = {};

describe('docker-service-mode (CIS 3.2)', () => {
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

  it('judges the unit fragment systemd uses (an /etc override)', () => {
    const etc = '/etc/systemd/system/docker.service';
    const out = evaluateHost(
      check,
      hostSnapshot({ units: { 'docker.service': etc }, files: { [etc]: fileFact(etc) } }),
    );
    expect(out.map((o) => o.subject?.path)).toEqual([etc]);
  });

  it('is not applicable without the unit, unknown when units were not read', () => {
    expect(statuses(evaluateHost(check, hostSnapshot({ units: { 'docker.service': undefined } })))).toEqual([
      'n/a',
    ]);
    const out = evaluateHost(
      check,
      hostSnapshot({ units: { 'docker.service': undefined }, errors: { units: 'EACCES' } }),
    );
    expect(statuses(out)).toEqual(['unknown']);
  });
});
