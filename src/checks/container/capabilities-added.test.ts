import { describe, expect, it } from 'vitest';
import {
  containerFacts,
  evaluate,
  fromInspect,
  inspectV141,
  inspectV152,
  messages,
} from '../../../test/kit/inspect.js';
import check from './capabilities-added.js';

describe('BH-CTR-003 capabilities-added', () => {
  it.each([
    [
      'SYS_ADMIN (1.41)',
      fromInspect(inspectV141({ HostConfig: { CapAdd: ['SYS_ADMIN'] } })),
      ['CapAdd grants SYS_ADMIN: host-level power, a known escape path'],
    ],
    [
      'ALL, lowercase with cap_ prefix (1.52)',
      fromInspect(inspectV152({ HostConfig: { CapAdd: ['cap_all'] } })),
      ['CapAdd grants ALL (every capability): host-level power, a known escape path'],
    ],
    [
      'NET_ADMIN + SYS_PTRACE + IPC_LOCK',
      containerFacts({ spec: { capAdd: ['CAP_NET_ADMIN', 'sys_ptrace', 'IPC_LOCK'] } }),
      [
        'CapAdd grants NET_ADMIN: host-level power, a known escape path',
        'CapAdd grants SYS_PTRACE: host-level power, a known escape path',
        "CapAdd grants IPC_LOCK, beyond the engine's default set",
      ],
    ],
    [
      'DAC_READ_SEARCH after dropping ALL',
      containerFacts({ spec: { capDrop: ['ALL'], capAdd: ['DAC_READ_SEARCH', 'NET_BIND_SERVICE'] } }),
      ['CapAdd grants DAC_READ_SEARCH: host-level power, a known escape path'],
    ],
  ])('fails: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual(evidence);
  });

  it.each([
    ['CapAdd null (1.41)', fromInspect(inspectV141())],
    ['CapAdd null (1.52)', fromInspect(inspectV152())],
    [
      'drop ALL, add back NET_BIND_SERVICE',
      containerFacts({ spec: { capDrop: ['ALL'], capAdd: ['NET_BIND_SERVICE'] } }),
    ],
    ['privileged (another check)', containerFacts({ spec: { privileged: true, capAdd: ['SYS_ADMIN'] } })],
  ])('passes: %s', (_n, c) => {
    expect(evaluate(check, c)[0]?.status).toBe('pass');
  });
});
