import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './apt-recommends.js';

describe('BH-DKF-049 apt-recommends', () => {
  it('fails on apt installs that pull recommends', () => {
    const text = dockerfile`
      FROM debian:12
      RUN apt-get update && apt-get install -y curl
      RUN apt-get install -y -o APT::Install-Recommends=true git
      RUN apt install -y vim
      RUN echo 'APT::Install-Recommends "false";' > /tmp/not-apt.conf && apt-get install -y make
    `;
    expect(failures(check, text)).toEqual([
      '2:23 apt-get install without --no-install-recommends: apt-get install -y curl',
      '3:5 apt-get install without --no-install-recommends: apt-get install -y -o APT::Install-Recommends=true git',
      '4:5 apt install without --no-install-recommends: apt install -y vim',
      '5:68 apt-get install without --no-install-recommends: apt-get install -y make',
    ]);
  });

  it.each([
    ['--no-install-recommends', 'RUN apt-get install -y --no-install-recommends curl'],
    ['option before the verb', 'RUN apt-get --no-install-recommends -y install curl'],
    ['-o APT::Install-Recommends=false', 'RUN apt-get install -y -o APT::Install-Recommends=false curl'],
    ['-o=…=0', 'RUN apt-get install -y -o=APT::Install-Recommends=0 curl'],
    ['--install-recommends=no', 'RUN apt-get install -y --install-recommends=no curl'],
    [
      'apt.conf.d written earlier',
      `RUN echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/99norec\nRUN apt-get install -y curl`,
    ],
    [
      'apt.conf.d via tee in the same RUN',
      `RUN echo 'APT::Install-Recommends "0";' | tee /etc/apt/apt.conf.d/99norec && apt-get install -y curl`,
    ],
    [
      'COPY heredoc config',
      'COPY <<EOF /etc/apt/apt.conf.d/99norec\nAPT::Install-Recommends "false";\nEOF\nRUN apt-get install -y curl',
    ],
    [
      'copied config (unreadable)',
      'COPY norec.conf /etc/apt/apt.conf.d/99norec\nRUN apt-get install -y curl',
    ],
    ['aptitude -R', 'RUN aptitude install -y -R curl'],
    ['apt-get remove', 'RUN apt-get remove -y curl'],
  ])('passes: %s', (_n, run) => {
    expect(statuses(check, `FROM debian:12\n${run}\n`)).toEqual(['pass']);
  });
});
