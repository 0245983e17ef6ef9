import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './sshd.js';

describe('BH-DKF-018 sshd', () => {
  it.each([
    [
      'the classic sshd image',
      dockerfile`
        FROM ubuntu:24.04
        RUN apt-get update && apt-get install -y openssh-server && mkdir /var/run/sshd
        EXPOSE 22
        CMD ["/usr/sbin/sshd", "-D"]
      `,
      [
        '2:42 ssh server installed in the shipped image: apt-get install -y openssh-server',
        '4:1 CMD starts an ssh server: /usr/sbin/sshd -D',
      ],
    ],
    [
      'shell-form service start',
      'FROM debian:12\nCMD service ssh start && tail -f /dev/null\n',
      ['2:1 CMD starts an ssh server: service ssh start'],
    ],
    [
      'ENTRYPOINT dropbear via exec',
      'FROM alpine:3.20\nENTRYPOINT exec dropbear -F -E\n',
      ['2:1 ENTRYPOINT starts an ssh server: dropbear -F -E'],
    ],
    [
      'apk openssh in a base stage that ships',
      'FROM alpine:3.20 AS base\nRUN apk add --no-cache openssh\nFROM base\n',
      ['2:24 ssh server installed in the shipped image: apk add --no-cache openssh'],
    ],
    [
      'init script',
      'FROM debian:12\nCMD /etc/init.d/ssh start; exec nginx\n',
      ['2:1 CMD starts an ssh server: /etc/init.d/ssh start'],
    ],
  ])('fails: %s', (_name, text, expected) => {
    expect(failures(check, text)).toEqual(expected);
  });

  it.each([
    ['ssh client only', 'FROM debian:12\nRUN apt-get install -y openssh-client git\nCMD ["git", "daemon"]\n'],
    [
      'sshd only in a builder stage',
      'FROM debian:12 AS test\nRUN apt-get install -y openssh-server\nFROM debian:12\nCMD ["app"]\n',
    ],
    ['removing it', 'FROM debian:12\nRUN apt-get purge -y openssh-server\n'],
    ['ssh as a client in CMD', 'FROM debian:12\nCMD ["ssh", "-N", "-L", "5432:db:5432", "bastion"]\n'],
  ])('passes: %s', (_name, text) => {
    expect(statuses(check, text)).toEqual(['pass']);
  });
});
