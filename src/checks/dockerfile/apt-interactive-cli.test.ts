import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './apt-interactive-cli.js';

describe('BH-DKF-050 apt-interactive-cli', () => {
  it('fails on each apt command', () => {
    const text = dockerfile`
      FROM ubuntu:24.04
      RUN apt update && apt install -y curl
      RUN sudo /usr/bin/apt -y full-upgrade
      ONBUILD RUN apt list --installed
    `;
    expect(failures(check, text)).toEqual([
      '2:5 apt instead of apt-get: apt update',
      '2:19 apt instead of apt-get: apt install -y curl',
      '3:10 apt instead of apt-get: sudo /usr/bin/apt -y full-upgrade',
      '4:13 apt instead of apt-get: apt list --installed',
    ]);
  });

  it.each([
    ['apt-get', 'RUN apt-get update && apt-get install -y curl'],
    ['apt-cache', 'RUN apt-cache policy curl'],
    ['apt in a word', 'RUN echo apt install && ls /etc/apt'],
  ])('passes: %s', (_n, run) => {
    expect(statuses(check, `FROM ubuntu:24.04\n${run}\n`)).toEqual(['pass']);
  });
});
