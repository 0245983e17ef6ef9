import { describe, expect, it } from 'vitest';
import {
  evaluate,
  exited,
  fromInspect,
  inspectV141,
  inspectV152,
  messages,
} from '../../../test/kit/inspect.js';
import check from './ssh-port.js';

describe('BH-CTR-040 ssh-port', () => {
  it.each([
    [
      '-p 2222:22 running (1.52)',
      fromInspect(
        inspectV152({
          NetworkSettings: {
            Ports: {
              '22/tcp': [
                { HostIp: '0.0.0.0', HostPort: '2222' },
                { HostIp: '::', HostPort: '2222' },
              ],
            },
          },
        }),
      ),
      ['container SSH port 22 is published (0.0.0.0:2222->22/tcp)'],
    ],
    [
      '-p 22:8022 stopped (1.41)',
      fromInspect(
        exited(
          inspectV141({ HostConfig: { PortBindings: { '8022/tcp': [{ HostIp: '', HostPort: '22' }] } } }),
        ),
      ),
      ['host port 22 is mapped (22->8022/tcp)'],
    ],
    [
      '-P with EXPOSE 22',
      fromInspect(
        exited(
          inspectV152({
            HostConfig: { PortBindings: null, PublishAllPorts: true },
            Config: { ExposedPorts: { '22/tcp': {} } },
          }),
        ),
      ),
      ['PublishAllPorts (-P) publishes the exposed port 22/tcp'],
    ],
  ])('fails: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual(evidence);
  });

  it.each([
    ['8080->80 (1.41)', fromInspect(inspectV141())],
    [
      'udp 22 is not ssh',
      fromInspect(
        exited(
          inspectV152({ HostConfig: { PortBindings: { '22/udp': [{ HostIp: '', HostPort: '2222' }] } } }),
        ),
      ),
    ],
  ])('passes: %s', (_n, c) => {
    expect(evaluate(check, c)[0]?.status).toBe('pass');
  });
});
