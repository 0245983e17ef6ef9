import { describe, expect, it } from 'vitest';
import {
  daemonWith,
  evaluate,
  fromInspect,
  inspectV141,
  inspectV152,
  messages,
} from '../../../test/kit/inspect.js';
import check from './no-new-privileges.js';

const plain = { daemon: daemonWith(['apparmor', 'seccomp', 'cgroupns']) };
const nnpDaemon = { daemon: daemonWith(['apparmor', 'seccomp', 'no-new-privileges', 'cgroupns']) };

describe('BH-CTR-027 no-new-privileges', () => {
  it.each([
    [
      'SecurityOpt null (1.41)',
      fromInspect(inspectV141()),
      plain,
      'HostConfig.SecurityOpt has no no-new-privileges entry and the daemon does not set it by default',
    ],
    [
      'explicit false overrides the daemon default (1.52)',
      fromInspect(inspectV152({ HostConfig: { SecurityOpt: ['no-new-privileges=false'] } })),
      nnpDaemon,
      'HostConfig.SecurityOpt contains "no-new-privileges=false": new privileges are explicitly allowed',
    ],
  ])('fails: %s', (_n, c, snap, evidence) => {
    const out = evaluate(check, c, snap);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual([evidence]);
  });

  it.each([
    ['bare flag', fromInspect(inspectV141({ HostConfig: { SecurityOpt: ['no-new-privileges'] } })), plain],
    [
      'colon true',
      fromInspect(inspectV152({ HostConfig: { SecurityOpt: ['no-new-privileges:true'] } })),
      plain,
    ],
    [
      'equals true',
      fromInspect(inspectV152({ HostConfig: { SecurityOpt: ['no-new-privileges=true'] } })),
      plain,
    ],
    ['daemon default', fromInspect(inspectV152()), nnpDaemon],
  ])('passes: %s', (_n, c, snap) => {
    expect(evaluate(check, c, snap)[0]?.status).toBe('pass');
  });

  it('is unknown when nothing is set and daemon facts are missing', () => {
    expect(evaluate(check, fromInspect(inspectV152()))[0]?.status).toBe('unknown');
  });
});
