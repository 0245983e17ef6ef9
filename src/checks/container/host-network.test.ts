import { describe, expect, it } from 'vitest';
import { evaluate, fromInspect, inspectV141, inspectV152, messages } from '../../../test/kit/inspect.js';
import check from './host-network.js';

const hostNet = {
  HostConfig: { NetworkMode: 'host', PortBindings: null },
  NetworkSettings: { Ports: null, Networks: { host: {} } },
};

describe('BH-CTR-011 host-network', () => {
  it.each([
    ['1.41', fromInspect(inspectV141(hostNet))],
    ['1.52', fromInspect(inspectV152(hostNet))],
  ])('fails: %s', (_n, c) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual(['HostConfig.NetworkMode is "host"']);
  });

  it.each([
    ['default (1.41)', fromInspect(inspectV141()), 'HostConfig.NetworkMode is "default"'],
    ['bridge (1.52)', fromInspect(inspectV152()), 'HostConfig.NetworkMode is "bridge"'],
    [
      'none',
      fromInspect(inspectV152({ HostConfig: { NetworkMode: 'none' } })),
      'HostConfig.NetworkMode is "none"',
    ],
  ])('passes: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('pass');
    expect(messages(out)).toEqual([evidence]);
  });
});
