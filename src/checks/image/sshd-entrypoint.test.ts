import { describe, expect, it } from 'vitest';
import { imageFacts, inspectV150, one, text } from '../../../test/kit/image.js';
import { context } from '../../../test/kit/snapshot.js';
import { imageFromApi } from '../../collectors/adapters/image.js';
import check from './sshd-entrypoint.js';

describe('BH-IMG-013 sshd-entrypoint', () => {
  it.each([
    [
      'sshd -D as Cmd',
      { entrypoint: [], cmd: ['/usr/sbin/sshd', '-D'] },
      'Config.Cmd starts an SSH server: /usr/sbin/sshd -D',
    ],
    [
      'service ssh start in a shell Cmd',
      { entrypoint: [], cmd: ['/bin/sh', '-c', 'service ssh start && nginx -g "daemon off;"'] },
      'Config.Cmd starts an SSH server: service ssh start',
    ],
    [
      'dropbear entrypoint',
      { entrypoint: ['dropbear', '-F', '-E'], cmd: [] },
      'Config.Entrypoint starts an SSH server: dropbear -F -E',
    ],
    [
      'systemctl start sshd',
      { entrypoint: ['bash', '-c', 'systemctl start sshd; exec app'], cmd: [] },
      'Config.Entrypoint starts an SSH server: systemctl start sshd',
    ],
  ])('fails for %s', (_name, over, evidence) => {
    const o = one(check, imageFacts(over), context());
    expect(o.status).toBe('fail');
    expect(text(o)).toBe(evidence);
  });

  it.each([
    ['nginx', imageFacts()],
    ['API 1.50 node image', imageFromApi(inspectV150(), [], 1)],
    [
      'ssh client, not server',
      imageFacts({ entrypoint: ['ssh', '-N', '-L', '5432:db:5432', 'bastion'], cmd: [] }),
    ],
    ['ssh-keygen in a shell', imageFacts({ cmd: ['sh', '-c', 'ssh-keygen -A && exec app'] })],
  ])('passes for %s', (_name, img) => {
    expect(one(check, img, context()).status).toBe('pass');
  });
});
