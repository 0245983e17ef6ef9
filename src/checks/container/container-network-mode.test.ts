import { describe, expect, it } from 'vitest';
import { evaluate, fromInspect, inspectV141, inspectV152, messages } from '../../../test/kit/inspect.js';
import check from './container-network-mode.js';

const joined = (target: string) => ({
  HostConfig: { NetworkMode: `container:${target}`, PortBindings: null },
  NetworkSettings: { Networks: null, Ports: null },
});

describe('BH-CTR-039 container-network-mode', () => {
  it.each([
    [
      'by id (1.41)',
      fromInspect(inspectV141(joined('8a3f9c1d2e4b'))),
      'HostConfig.NetworkMode is "container:8a3f9c1d2e4b": shares that container\'s network namespace',
    ],
    [
      'by name (1.52)',
      fromInspect(inspectV152(joined('vpn'))),
      'HostConfig.NetworkMode is "container:vpn": shares that container\'s network namespace',
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
