import { describe, expect, it } from 'vitest';
import {
  evaluate,
  exited,
  fromInspect,
  inspectV141,
  inspectV152,
  messages,
} from '../../../test/kit/inspect.js';
import check from './bound-interface.js';

describe('BH-CTR-015 bound-interface', () => {
  it.each([
    [
      'running: engine reports 0.0.0.0 and :: (1.52)',
      fromInspect(inspectV152()),
      [
        '0.0.0.0:8080->80/tcp listens on every address (HostIp "0.0.0.0")',
        '[::]:8080->80/tcp listens on every address (HostIp "::")',
      ],
    ],
    [
      'stopped: declared HostIp "" (1.41)',
      fromInspect(exited(inspectV141())),
      ['8080->80/tcp listens on every address (HostIp "")'],
    ],
  ])('fails: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual(evidence);
  });

  it.each([
    [
      'bound to loopback (1.41)',
      fromInspect(
        inspectV141({
          HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }] } },
          NetworkSettings: { Ports: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }] } },
        }),
      ),
    ],
    [
      'bound to an IPv6 address (1.52)',
      fromInspect(
        exited(
          inspectV152({
            HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '2001:db8::5', HostPort: '8080' }] } },
          }),
        ),
      ),
    ],
    ['nothing published', fromInspect(exited(inspectV152({ HostConfig: { PortBindings: null } })))],
  ])('passes: %s', (_n, c) => {
    expect(evaluate(check, c)[0]?.status).toBe('pass');
  });
});
