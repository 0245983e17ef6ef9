import { describe, expect, it } from 'vitest';
import {
  containerFacts,
  evaluate,
  fromInspect,
  inspectV141,
  inspectV152,
  messages,
} from '../../../test/kit/inspect.js';
import check from './cpu-limit.js';

describe('BH-CTR-013 cpu-limit', () => {
  it.each([
    [
      'defaults (1.41)',
      fromInspect(inspectV141()),
      'no CPU limit: CpuShares 0, NanoCpus 0, CpuQuota 0, CpusetCpus ""',
    ],
    [
      'explicit default weight 1024 (1.52)',
      fromInspect(inspectV152({ HostConfig: { CpuShares: 1024 } })),
      'no CPU limit: CpuShares 1024 (the default weight), NanoCpus 0, CpuQuota 0, CpusetCpus ""',
    ],
  ])('fails: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual([evidence]);
  });

  it.each([
    [
      '--cpus 1.5',
      fromInspect(inspectV152({ HostConfig: { NanoCpus: 1500000000 } })),
      'NanoCpus 1500000000 (1.5 CPUs)',
    ],
    ['--cpu-shares 512', fromInspect(inspectV141({ HostConfig: { CpuShares: 512 } })), 'CpuShares 512'],
    ['--cpuset-cpus', containerFacts({ spec: { cpusetCpus: '0,1' } }), 'CpusetCpus "0,1"'],
    [
      'quota/period',
      containerFacts({ spec: { cpuQuota: 50000, cpuPeriod: 100000 } }),
      'CpuQuota 50000/100000',
    ],
  ])('passes: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('pass');
    expect(messages(out)).toEqual([evidence]);
  });
});
