import { describe, expect, it } from 'vitest';
import { evaluate, fromInspect, inspectV141, inspectV152, messages } from '../../../test/kit/inspect.js';
import check from './host-devices.js';

describe('BH-CTR-019 host-devices', () => {
  it.each([
    [
      'a disk (1.41)',
      fromInspect(
        inspectV141({
          HostConfig: {
            Devices: [{ PathOnHost: '/dev/sda', PathInContainer: '/dev/xvda', CgroupPermissions: 'rwm' }],
          },
        }),
      ),
      ['device /dev/sda at /dev/xvda with permissions "rwm"'],
    ],
    [
      'a cgroup rule for every device (1.52)',
      fromInspect(inspectV152({ HostConfig: { DeviceCgroupRules: ['a *:* rwm', 'c 189:* rmw'] } })),
      ['device cgroup rule "a *:* rwm" allows every device', 'device cgroup rule "c 189:* rmw"'],
    ],
  ])('fails: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual(evidence);
  });

  it.each([
    ['Devices [] (1.41)', fromInspect(inspectV141())],
    ['Devices null (1.52)', fromInspect(inspectV152({ HostConfig: { Devices: null } }))],
  ])('passes: %s', (_n, c) => {
    expect(evaluate(check, c)[0]?.status).toBe('pass');
  });
});
