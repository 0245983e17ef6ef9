import { describe, expect, it } from 'vitest';
import {
  containerFacts,
  daemonWith,
  evaluate,
  fromInspect,
  inspectV141,
  inspectV152,
  messages,
} from '../../../test/kit/inspect.js';
import check from './apparmor-profile.js';

const apparmorHost = { daemon: daemonWith(['apparmor', 'seccomp', 'cgroupns']) };

describe('BH-CTR-001 apparmor-profile', () => {
  it.each([
    [
      'unconfined via security-opt (1.41)',
      fromInspect(
        inspectV141({ AppArmorProfile: 'unconfined', HostConfig: { SecurityOpt: ['apparmor=unconfined'] } }),
      ),
      'HostConfig.SecurityOpt contains "apparmor=unconfined": the container runs unconfined',
    ],
    [
      'unconfined via security-opt with ":" (1.52)',
      fromInspect(
        inspectV152({ AppArmorProfile: 'unconfined', HostConfig: { SecurityOpt: ['apparmor:unconfined'] } }),
      ),
      'HostConfig.SecurityOpt contains "apparmor:unconfined": the container runs unconfined',
    ],
    [
      'privileged',
      fromInspect(inspectV152({ AppArmorProfile: 'unconfined', HostConfig: { Privileged: true } })),
      'AppArmorProfile is "unconfined" (privileged containers are never confined)',
    ],
    [
      'empty profile on a started container',
      fromInspect(inspectV141({ AppArmorProfile: '' })),
      'AppArmorProfile is empty: the started container has no AppArmor profile',
    ],
  ])('fails: %s', (_n, c, evidence) => {
    const [o] = evaluate(check, c, apparmorHost);
    expect(o?.status).toBe('fail');
    expect(messages([o!])).toContain(evidence);
  });

  it.each([
    ['docker-default (1.41)', fromInspect(inspectV141()), 'AppArmorProfile is "docker-default"'],
    ['docker-default (1.52)', fromInspect(inspectV152()), 'AppArmorProfile is "docker-default"'],
    [
      'custom profile',
      fromInspect(
        inspectV152({
          AppArmorProfile: 'nginx-strict',
          HostConfig: { SecurityOpt: ['apparmor=nginx-strict'] },
        }),
      ),
      'AppArmorProfile is "nginx-strict"',
    ],
  ])('passes: %s', (_n, c, evidence) => {
    const [o] = evaluate(check, c, apparmorHost);
    expect(o?.status).toBe('pass');
    expect(messages([o!])).toContain(evidence);
  });

  it('is not applicable when the daemon has no AppArmor (e.g. an SELinux host)', () => {
    const [o] = evaluate(check, containerFacts({ appArmorProfile: '' }), {
      daemon: daemonWith(['seccomp', 'selinux']),
    });
    expect(o?.status).toBe('n/a');
  });

  it('is unknown for a never-started container without an explicit profile', () => {
    const c = fromInspect(
      inspectV152({
        AppArmorProfile: '',
        State: { Status: 'created', Running: false, StartedAt: '0001-01-01T00:00:00Z' },
      }),
    );
    expect(evaluate(check, c, apparmorHost)[0]?.status).toBe('unknown');
  });
});
