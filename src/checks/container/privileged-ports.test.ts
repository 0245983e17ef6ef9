import { describe, expect, it } from 'vitest';
import {
  evaluate,
  exited,
  fromInspect,
  inspectV141,
  inspectV152,
  messages,
} from '../../../test/kit/inspect.js';
import check from './privileged-ports.js';

const on = (hostPort: string, containerPort = '80/tcp', HostIp = '') => ({
  HostConfig: { PortBindings: { [containerPort]: [{ HostIp, HostPort: hostPort }] } },
  NetworkSettings: { Ports: { '80/tcp': null } },
});

describe('BH-CTR-009 privileged-ports', () => {
  it.each([
    [
      'port 80 on both families (1.52 running)',
      fromInspect(
        inspectV152({
          NetworkSettings: {
            Ports: {
              '80/tcp': [
                { HostIp: '0.0.0.0', HostPort: '80' },
                { HostIp: '::', HostPort: '80' },
              ],
            },
          },
        }),
      ),
      ['privileged host port 80/tcp mapped (0.0.0.0:80->80/tcp)'],
    ],
    [
      'port 443 on a stopped container (1.41, declared only)',
      fromInspect(exited(inspectV141(on('443', '443/tcp')))),
      ['privileged host port 443/tcp mapped (443->443/tcp)'],
    ],
    [
      'dns on udp 53 bound to one address',
      fromInspect(exited(inspectV152(on('53', '53/udp', '10.0.0.5')))),
      ['privileged host port 53/udp mapped (10.0.0.5:53->53/udp)'],
    ],
  ])('fails: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual(evidence);
  });

  it.each([
    ['8080 (1.41)', fromInspect(inspectV141())],
    ['8080 (1.52)', fromInspect(inspectV152())],
    ['ephemeral host port', fromInspect(exited(inspectV152(on(''))))],
    ['container port 80 on host port 1024', fromInspect(exited(inspectV152(on('1024'))))],
  ])('passes: %s', (_n, c) => {
    expect(evaluate(check, c)[0]?.status).toBe('pass');
  });
});
