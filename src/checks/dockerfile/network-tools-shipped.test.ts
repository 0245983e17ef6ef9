import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './network-tools-shipped.js';

describe('BH-DKF-053 network-tools-shipped', () => {
  it('fails on network and debug tools in the final image', () => {
    const text = dockerfile`
      FROM debian:12
      RUN apt-get update && apt-get install -y netcat-openbsd curl tcpdump
      RUN apk add --no-cache socat strace
      RUN yum install -y nmap-ncat openssh-clients
    `;
    expect(failures(check, text)).toEqual([
      '2:42 network/debug tools installed in the final image: apt-get install netcat-openbsd tcpdump',
      '3:24 network/debug tools installed in the final image: apk add socat strace',
      '4:20 network/debug tools installed in the final image: yum install nmap-ncat openssh-clients',
    ]);
  });

  it.each([
    [
      'builder stage',
      'FROM debian:12 AS dbg\nRUN apt-get install -y gdb\nFROM debian:12\nCOPY --from=dbg /x /x',
    ],
    ['removed later', 'FROM alpine\nRUN apk add socat && apk del socat'],
    ['commands, not installs', 'FROM alpine\nRUN nc -z db 5432 || true'],
    ['pinned names still judged by name only', 'FROM debian:12\nRUN apt-get install -y curl=7.88'],
  ])('passes: %s', (_n, text) => {
    expect(statuses(check, `${text}\n`)).toEqual(['pass']);
  });
});
