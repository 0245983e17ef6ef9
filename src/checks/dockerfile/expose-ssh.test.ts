// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are Dockerfile ARG syntax under test
import { describe, expect, it } from 'vitest';
import { failures, run, statuses } from '../../../test/kit/dockerfile.js';
import check from './expose-ssh.js';

describe('BH-DKF-009 expose-ssh', () => {
  it.each([
    ['EXPOSE 22', 'FROM debian:12\nEXPOSE 22\n', ['2:1 port 22 exposed: EXPOSE 22']],
    [
      '22/tcp among others',
      'FROM debian:12\nEXPOSE 80 22/tcp 443\n',
      ['2:1 port 22 exposed: EXPOSE 22/tcp (in EXPOSE 80 22/tcp 443)'],
    ],
    ['range covering 22', 'FROM debian:12\nEXPOSE 20-25\n', ['2:1 port 22 exposed: EXPOSE 20-25']],
    [
      'ARG-expanded port',
      'FROM debian:12\nARG SSH_PORT=22\nEXPOSE ${SSH_PORT}\n',
      ['3:1 port 22 exposed: EXPOSE 22 (in EXPOSE ${SSH_PORT})'],
    ],
    [
      'inherited from a base stage',
      'FROM debian:12 AS base\nEXPOSE 22\nFROM base\n',
      ['2:1 port 22 exposed: EXPOSE 22'],
    ],
  ])('fails: %s', (_name, text, expected) => {
    expect(failures(check, text)).toEqual(expected);
  });

  it.each([
    ['other ports', 'FROM debian:12\nEXPOSE 80 443 2222 8022\n'],
    ['udp 22 is not ssh', 'FROM debian:12\nEXPOSE 22/udp\n'],
    ['range not covering 22', 'FROM debian:12\nEXPOSE 8000-8100\n'],
    ['only in a builder stage', 'FROM debian:12 AS build\nEXPOSE 22\nFROM debian:12\nEXPOSE 80\n'],
  ])('passes: %s', (_name, text) => {
    expect(statuses(check, text)).toEqual(['pass']);
  });

  it('names ports it cannot resolve', () => {
    expect(run(check, 'FROM debian:12\nARG PORT\nEXPOSE $PORT\n')).toEqual([
      expect.objectContaining({
        status: 'pass',
        evidence: [{ message: 'port 22 is not exposed; not judged (unknown until build time): $PORT' }],
      }),
    ]);
  });
});
