import { describe, expect, it } from 'vitest';
import {
  containerFacts,
  evaluate,
  fromInspect,
  inspectV141,
  inspectV152,
  messages,
} from '../../../test/kit/inspect.js';
import check from './seccomp-unconfined.js';

describe('BH-CTR-023 seccomp-unconfined', () => {
  it.each([
    [
      'seccomp=unconfined (1.41)',
      fromInspect(inspectV141({ HostConfig: { SecurityOpt: ['seccomp=unconfined'] } })),
      'HostConfig.SecurityOpt contains "seccomp=unconfined"',
    ],
    [
      'seccomp:unconfined (1.52)',
      fromInspect(inspectV152({ HostConfig: { SecurityOpt: ['label=disable', 'seccomp:unconfined'] } })),
      'HostConfig.SecurityOpt contains "seccomp:unconfined"',
    ],
    [
      'privileged',
      containerFacts({ spec: { privileged: true } }),
      'privileged container: the engine applies no seccomp profile',
    ],
  ])('fails: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual([evidence]);
  });

  it.each([
    ['SecurityOpt null (1.41)', fromInspect(inspectV141())],
    // The engine stores a custom profile inline as JSON in SecurityOpt.
    [
      'custom profile (1.52)',
      fromInspect(
        inspectV152({
          HostConfig: { SecurityOpt: ['seccomp={"defaultAction":"SCMP_ACT_ERRNO","syscalls":[]}'] },
        }),
      ),
    ],
  ])('passes: %s', (_n, c) => {
    expect(evaluate(check, c)[0]?.status).toBe('pass');
  });
});
