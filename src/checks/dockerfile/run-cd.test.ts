import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './run-cd.js';

describe('BH-DKF-015 run-cd', () => {
  it.each([
    [
      'cd alone',
      'FROM debian:12\nRUN cd /app\n',
      ['2:5 cd alone in a RUN has no effect on later instructions, use WORKDIR /app: cd /app'],
    ],
    [
      'starts with cd',
      'FROM node:22\nRUN cd /app && npm ci\n',
      ['2:5 RUN starts with cd, use WORKDIR /app: cd /app'],
    ],
    [
      'continuation',
      dockerfile`
        FROM golang:1.22
        RUN cd src/cmd/server \\
            && go build -o /out/server .
      `,
      ['2:5 RUN starts with cd, use WORKDIR src/cmd/server: cd src/cmd/server'],
    ],
    [
      'trailing cd',
      'FROM debian:12\nRUN make install; cd /srv\n',
      ['2:19 cd at the end of a RUN has no effect on later instructions, use WORKDIR /srv: cd /srv'],
    ],
    [
      'ARG-expanded target',
      'FROM debian:12\nARG SRC=/src\nRUN cd $SRC && make\n',
      ['3:5 RUN starts with cd, use WORKDIR /src: cd $SRC'],
    ],
  ])('fails: %s', (_name, text, expected) => {
    expect(failures(check, text)).toEqual(expected);
  });

  it.each([
    ['subshell', 'FROM debian:12\nRUN (cd sub && make) && make install\n'],
    ['cd inside a loop', 'FROM debian:12\nRUN for d in a b; do cd /src/$d && make; done\n'],
    ['into /tmp', 'FROM debian:12\nRUN cd /tmp && curl -fsSLO https://x/y.tgz && tar xzf y.tgz\n'],
    ['into a mktemp dir', 'FROM debian:12\nRUN cd "$(mktemp -d)" && make\n'],
    ['cd in the middle', 'FROM debian:12\nRUN make && cd docs && make html && cp -r _build /srv\n'],
    ['word cd in an argument', 'FROM debian:12\nRUN echo cd /app\n'],
    ['WORKDIR', 'FROM debian:12\nWORKDIR /app\nRUN make\n'],
  ])('passes: %s', (_name, text) => {
    expect(statuses(check, text)).toEqual(['pass']);
  });
});
