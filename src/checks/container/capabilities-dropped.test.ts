import { describe, expect, it } from 'vitest';
import {
  containerFacts,
  evaluate,
  fromInspect,
  inspectV141,
  inspectV152,
  messages,
} from '../../../test/kit/inspect.js';
import check from './capabilities-dropped.js';

describe('BH-CTR-004 capabilities-dropped', () => {
  it.each([
    [
      'CapDrop null (1.41)',
      fromInspect(inspectV141()),
      'CapDrop is empty: the full default capability set is granted',
    ],
    [
      'partial drop (1.52)',
      fromInspect(inspectV152({ HostConfig: { CapDrop: ['NET_RAW', 'MKNOD'] } })),
      'CapDrop is NET_RAW, MKNOD, not ALL: the rest of the default set stays granted',
    ],
    [
      'privileged',
      containerFacts({ spec: { privileged: true, capDrop: ['ALL'] } }),
      'privileged container: every capability is granted, CapDrop is ignored',
    ],
  ])('fails: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual([evidence]);
  });

  it.each([
    ['ALL', fromInspect(inspectV152({ HostConfig: { CapDrop: ['ALL'] } })), 'CapDrop ALL'],
    [
      'cap_all with add-back',
      containerFacts({ spec: { capDrop: ['cap_all'], capAdd: ['net_bind_service'] } }),
      'CapDrop ALL; adds back NET_BIND_SERVICE',
    ],
  ])('passes: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('pass');
    expect(messages(out)).toEqual([evidence]);
  });
});
