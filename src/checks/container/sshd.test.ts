import { describe, expect, it } from 'vitest';
import {
  evaluate,
  exited,
  fromInspect,
  inspectV141,
  inspectV152,
  messages,
  topOf,
} from '../../../test/kit/inspect.js';
import check from './sshd.js';

describe('BH-CTR-007 sshd', () => {
  it.each([
    [
      'running sshd listener (1.52)',
      fromInspect(inspectV152(), {
        top: topOf(
          ['root', '900', '/usr/bin/supervisord -n'],
          ['root', '912', 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups'],
        ),
      }),
      ['process 912 (user root) runs "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups"'],
    ],
    [
      'exited container whose command is sshd (1.41)',
      fromInspect(exited(inspectV141({ Config: { Entrypoint: null, Cmd: ['/usr/sbin/sshd', '-D'] } }))),
      ['the container\'s command starts /usr/sbin/sshd: ["/usr/sbin/sshd","-D"]'],
    ],
    [
      'created container with sh -c',
      fromInspect(
        inspectV152({
          State: { Status: 'created', Running: false },
          Config: { Entrypoint: ['sh', '-c'], Cmd: ['service ssh start; /usr/sbin/sshd -D'] },
        }),
      ),
      ['the container\'s command starts /usr/sbin/sshd: ["sh","-c","service ssh start; /usr/sbin/sshd -D"]'],
    ],
  ])('fails: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual(evidence);
  });

  it('passes when no running process is sshd', () => {
    const c = fromInspect(inspectV141(), {
      top: topOf(
        ['root', '24518', 'nginx: master process nginx -g daemon off;'],
        ['101', '24570', 'nginx: worker process'],
      ),
    });
    expect(evaluate(check, c)[0]?.status).toBe('pass');
  });

  it('does not mistake an sshd_config argument for the daemon', () => {
    const c = fromInspect(inspectV152(), { top: topOf(['root', '1', 'cat /etc/ssh/sshd_config']) });
    expect(evaluate(check, c)[0]?.status).toBe('pass');
  });

  it.each([
    ['exited, command silent', fromInspect(exited(inspectV152()))],
    ['running but top not collected', fromInspect(inspectV152())],
  ])('unknown: %s', (_n, c) => {
    expect(evaluate(check, c)[0]?.status).toBe('unknown');
  });
});
