import { describe, expect, it } from 'vitest';
import {
  containerFacts,
  evaluate,
  fromInspect,
  inspectV141,
  inspectV152,
  messages,
} from '../../../test/kit/inspect.js';
import check from './dangerous-sysctls.js';

describe('BH-CTR-038 dangerous-sysctls', () => {
  it.each([
    [
      'route_localnet and forwarding (1.41)',
      fromInspect(
        inspectV141({
          HostConfig: { Sysctls: { 'net.ipv4.conf.all.route_localnet': '1', 'net.ipv4.ip_forward': '1' } },
        }),
      ),
      [
        'net.ipv4.conf.all.route_localnet=1 routes to 127.0.0.0/8 from outside (localnet exposure)',
        'net.ipv4.ip_forward=1 turns the container into a router',
      ],
    ],
    [
      'a host-wide sysctl in a create body (1.52)',
      fromInspect(
        inspectV152({
          HostConfig: { Sysctls: { 'kernel.core_pattern': '|/tmp/x', 'vm.overcommit_memory': '1' } },
        }),
      ),
      [
        'kernel.core_pattern=|/tmp/x is not namespaced: it changes the host kernel',
        'vm.overcommit_memory=1 is not namespaced: it changes the host kernel',
      ],
    ],
    [
      'net.* with the host network',
      containerFacts({ spec: { networkMode: 'host', sysctls: { 'net.core.somaxconn': '4096' } } }),
      ["net.core.somaxconn=4096 with --network host changes the host's network stack"],
    ],
  ])('fails: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual(evidence);
  });

  it.each([
    ['none (1.41)', fromInspect(inspectV141())],
    [
      'namespaced tuning (1.52)',
      fromInspect(
        inspectV152({
          HostConfig: {
            Sysctls: {
              'net.core.somaxconn': '1024',
              'kernel.shmmax': '68719476736',
              'net.ipv4.ip_unprivileged_port_start': '0',
            },
          },
        }),
      ),
    ],
  ])('passes: %s', (_n, c) => {
    expect(evaluate(check, c)[0]?.status).toBe('pass');
  });
});
