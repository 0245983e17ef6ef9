import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './password-in-run.js';

describe('BH-DKF-007 password-in-run', () => {
  it.each([
    [
      'echo | chpasswd',
      'FROM debian:12\nRUN echo "root:hunter2" | chpasswd\n',
      ['2:27 password piped into chpasswd, written in the Dockerfile: echo "root:hunter2" | chpasswd'],
    ],
    [
      'printf | sudo chpasswd, from a build arg',
      dockerfile`
        FROM debian:12
        ARG ROOT_PASSWORD
        RUN useradd -m app && \\
            printf 'app:%s\\n' "$ROOT_PASSWORD" | chpasswd -c SHA512
      `,
      [
        '4:42 password piped into chpasswd, from build arg ROOT_PASSWORD (kept in the image history): printf \'app:%s\\n\' "$ROOT_PASSWORD" | chpasswd -c SHA512',
      ],
    ],
    [
      'chpasswd heredoc',
      dockerfile`
        FROM debian:12
        RUN chpasswd <<EOF
        root:toor
        EOF
      `,
      ['2:5 password given to chpasswd in a heredoc: chpasswd <<EOF'],
    ],
    [
      'useradd -p with a hash',
      "FROM debian:12\nRUN useradd -m -p '$6$salt$hash' -s /bin/bash dev\n",
      [
        "2:19 password hash set with useradd -p, written in the Dockerfile: useradd -m -p '$6$salt$hash' -s /bin/bash dev",
      ],
    ],
    [
      'usermod --password=',
      'FROM debian:12\nRUN usermod --password=abc123 root\n',
      ['2:13 password hash set with usermod -p, written in the Dockerfile: usermod --password=abc123 root'],
    ],
    [
      'passwd --stdin (RHEL)',
      'FROM rockylinux:9\nRUN echo s3cret | passwd --stdin root\n',
      ['2:19 password piped into passwd, written in the Dockerfile: echo s3cret | passwd --stdin root'],
    ],
    [
      'passwd here-string',
      'FROM debian:12\nRUN passwd root <<< "pw"\n',
      ['2:5 password given to passwd in a here-string: passwd root <<< "pw"'],
    ],
    [
      'openssl passwd fed to useradd',
      'FROM debian:12\nRUN useradd -m -p "$(openssl passwd -6 -salt xyz s3cret)" dev\n',
      ['2:22 password hashed in RUN, written in the Dockerfile: openssl passwd -6 -salt xyz s3cret'],
    ],
    [
      'inside bash -c, with ENV',
      'FROM debian:12\nENV PW=changeme\nRUN bash -c "echo admin:$PW | chpasswd"\n',
      ['3:31 password piped into chpasswd, written in the Dockerfile: echo admin:$PW | chpasswd'],
    ],
  ])('fails: %s', (_name, text, expected) => {
    expect(failures(check, text)).toEqual(expected);
  });

  it.each([
    [
      'secret mount',
      'FROM debian:12\nRUN --mount=type=secret,id=pw echo "app:$(cat /run/secrets/pw)" | chpasswd\n',
    ],
    ['random password', 'FROM debian:12\nRUN echo "root:$(openssl rand -base64 18)" | chpasswd\n'],
    ['locked account', "FROM debian:12\nRUN useradd -m -p '*' app && usermod -p '!' root\n"],
    ['passwd -d / -l', 'FROM debian:12\nRUN passwd -d root && passwd -l app\n'],
    ['runtime variable, not a build arg', 'FROM debian:12\nRUN echo "root:$RUNTIME_PW" | chpasswd\n'],
    ['chpasswd from a file', 'FROM debian:12\nRUN chpasswd < /run/secrets/users\n'],
    ['text that mentions chpasswd', 'FROM debian:12\nRUN echo "use chpasswd to set root:pw" > /README\n'],
    ['useradd without -p', 'FROM debian:12\nRUN useradd -m -s /bin/bash -u 10001 app\n'],
  ])('passes: %s', (_name, text) => {
    expect(statuses(check, text)).toEqual(['pass']);
  });
});
