import { describe, expect, it } from 'vitest';
import { evaluate, fromInspect, inspectV141, inspectV152, messages } from '../../../test/kit/inspect.js';
import check from './ulimit-overrides.js';

describe('BH-CTR-020 ulimit-overrides', () => {
  it.each([
    [
      'nofile (1.41)',
      fromInspect(inspectV141({ HostConfig: { Ulimits: [{ Name: 'nofile', Soft: 65536, Hard: 65536 }] } })),
      ['ulimit nofile overridden: soft 65536, hard 65536'],
    ],
    [
      'unlimited memlock (1.52)',
      fromInspect(inspectV152({ HostConfig: { Ulimits: [{ Name: 'memlock', Soft: -1, Hard: -1 }] } })),
      ['ulimit memlock overridden: soft unlimited, hard unlimited (unlimited)'],
    ],
  ])('fails: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual(evidence);
  });

  it.each([
    ['Ulimits null (1.41)', fromInspect(inspectV141())],
    ['Ulimits [] (1.52)', fromInspect(inspectV152())],
  ])('passes: %s', (_n, c) => {
    expect(evaluate(check, c)[0]?.status).toBe('pass');
  });
});
