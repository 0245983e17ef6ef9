import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './sudo.js';

describe('BH-DKF-006 sudo', () => {
  it.each([
    [
      'sudo apt-get',
      'FROM debian:12\nRUN sudo apt-get update\n',
      ['2:5 sudo used in RUN: sudo apt-get update'],
    ],
    [
      'via env and xargs, in a continuation',
      dockerfile`
        FROM debian:12
        RUN env DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -y curl && \\
            find /tmp -name '*.log' | xargs sudo rm -f
      `,
      [
        '2:40 sudo used in RUN: env DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -y curl',
        '3:37 sudo used in RUN: xargs sudo rm -f',
      ],
    ],
    [
      'inside sh -c',
      'FROM debian:12\nRUN sh -c "sudo -u app make"\n',
      ['2:12 sudo used in RUN: sudo -u app make'],
    ],
    ['doas', 'FROM alpine:3.20\nRUN doas apk add curl\n', ['2:5 doas used in RUN: doas apk add curl']],
    [
      'installing sudo in the final stage (version pinned, via a variable)',
      dockerfile`
        FROM debian:12
        ARG PKGS="curl sudo=1.9.13p3-1+deb12u1"
        RUN apt-get update && apt-get install -y --no-install-recommends $PKGS
      `,
      [
        '3:66 sudo=1.9.13p3-1+deb12u1 installed in the shipped image: apt-get install -y --no-install-recommends $PKGS',
      ],
    ],
    [
      'apk add',
      'FROM alpine:3.20\nRUN apk add --no-cache sudo bash\n',
      ['2:24 sudo installed in the shipped image: apk add --no-cache sudo bash'],
    ],
    [
      'dnf in a base stage that ships',
      'FROM fedora:40 AS base\nRUN dnf install -y sudo\nFROM base\n',
      ['2:20 sudo installed in the shipped image: dnf install -y sudo'],
    ],
    [
      'heredoc RUN',
      'FROM debian:12\nRUN <<EOF\nset -e\nsudo true\nEOF\n',
      ['4:1 sudo used in RUN: sudo true'],
    ],
  ])('fails: %s', (_name, text, expected) => {
    expect(failures(check, text)).toEqual(expected);
  });

  it.each([
    ['find -iname sudo', 'FROM debian:12\nRUN find / -iname sudo -delete\n'],
    ['echo mentions sudo', 'FROM debian:12\nRUN echo "sudo apt-get install" > /notes\n'],
    [
      'sudo installed only in a builder stage',
      'FROM debian:12 AS build\nRUN apt-get install -y sudo\nFROM debian:12\nCOPY --from=build /x /x\n',
    ],
    ['removing sudo', 'FROM debian:12\nRUN apt-get purge -y sudo\n'],
    ['sudoers-like package names', 'FROM debian:12\nRUN apt-get install -y sudoku\n'],
    ['gosu for the runtime switch', 'FROM debian:12\nRUN apt-get install -y gosu\n'],
  ])('passes: %s', (_name, text) => {
    expect(statuses(check, text)).toEqual(['pass']);
  });
});
