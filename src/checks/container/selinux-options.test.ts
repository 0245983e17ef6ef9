import { describe, expect, it } from 'vitest';
import {
  daemonWith,
  evaluate,
  fromInspect,
  inspectV141,
  inspectV152,
  messages,
} from '../../../test/kit/inspect.js';
import check from './selinux-options.js';

const selinuxHost = { daemon: daemonWith(['seccomp', 'selinux']) };

describe('BH-CTR-002 selinux-options', () => {
  it.each([
    [
      'label=disable (1.41)',
      fromInspect(inspectV141({ HostConfig: { SecurityOpt: ['label=disable'] } })),
      'HostConfig.SecurityOpt contains "label=disable": SELinux labeling is disabled',
    ],
    [
      'label:disable (1.52)',
      fromInspect(inspectV152({ HostConfig: { SecurityOpt: ['label:disable'] } })),
      'HostConfig.SecurityOpt contains "label:disable": SELinux labeling is disabled',
    ],
    [
      'privileged',
      fromInspect(inspectV152({ HostConfig: { Privileged: true } })),
      'privileged container: the engine runs it with an unconfined SELinux type',
    ],
  ])('fails: %s', (_n, c, evidence) => {
    const out = evaluate(check, c, selinuxHost);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual([evidence]);
  });

  it.each([
    ['default labeling, SecurityOpt null (1.41)', fromInspect(inspectV141())],
    [
      'custom type (1.52)',
      fromInspect(inspectV152({ HostConfig: { SecurityOpt: ['label=type:svirt_apache_t'] } })),
    ],
  ])('passes: %s', (_n, c) => {
    expect(evaluate(check, c, selinuxHost)[0]?.status).toBe('pass');
  });

  it('is not applicable on a daemon without SELinux', () => {
    const c = fromInspect(inspectV152({ HostConfig: { SecurityOpt: ['label=disable'] } }));
    expect(evaluate(check, c, { daemon: daemonWith(['apparmor', 'seccomp']) })[0]?.status).toBe('n/a');
  });
});
