import { describe, expect, it } from 'vitest';
import { evaluate, fromInspect, inspectV141, inspectV152, messages } from '../../../test/kit/inspect.js';
import check from './cgroup-parent.js';

describe('BH-CTR-026 cgroup-parent', () => {
  it.each([
    [
      'cgroupfs path (1.41)',
      fromInspect(inspectV141({ HostConfig: { CgroupParent: '/batch' } })),
      'HostConfig.CgroupParent is "/batch": confirm this cgroup is intended',
    ],
    [
      'systemd slice (1.52)',
      fromInspect(inspectV152({ HostConfig: { CgroupParent: 'user.slice' } })),
      'HostConfig.CgroupParent is "user.slice": confirm this cgroup is intended',
    ],
  ])('fails: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual([evidence]);
  });

  it.each([
    ['1.41', fromInspect(inspectV141())],
    ['1.52', fromInspect(inspectV152())],
  ])('passes: %s', (_n, c) => {
    expect(evaluate(check, c)[0]?.status).toBe('pass');
  });
});
