import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './pipefail.js';

describe('BH-DKF-017 pipefail', () => {
  it.each([
    [
      'curl | sh',
      'FROM debian:12\nRUN curl -fsSL https://get.example.com | sh\n',
      ['2:5 pipe without pipefail: curl -fsSL https://get.example.com | sh'],
    ],
    [
      'each pipe, in a continuation',
      dockerfile`
        FROM debian:12
        RUN wget -qO- https://x/a.tgz | tar xz && \\
            grep -v '#' list | sort > sorted
      `,
      [
        '2:5 pipe without pipefail: wget -qO- https://x/a.tgz | tar xz',
        "3:5 pipe without pipefail: grep -v '#' list | sort > sorted",
      ],
    ],
    [
      'set -o pipefail after the pipe',
      'FROM debian:12\nRUN a | b && set -o pipefail\n',
      ['2:5 pipe without pipefail: a | b'],
    ],
    [
      'SHELL without pipefail',
      'FROM debian:12\nSHELL ["/bin/bash", "-e", "-c"]\nRUN a | b\n',
      ['3:5 pipe without pipefail: a | b'],
    ],
    [
      'SHELL pipefail does not reach a nested sh -c',
      'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN sh -c "a | b"\n',
      ['3:12 pipe without pipefail: a | b'],
    ],
    [
      'SHELL does not apply to the exec form',
      'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN ["sh", "-c", "a | b"]\n',
      ['3:1 pipe without pipefail: a | b'],
    ],
    [
      'SHELL of another stage does not apply',
      'FROM debian:12 AS a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM debian:12\nRUN a | b\n',
      ['4:5 pipe without pipefail: a | b'],
    ],
    [
      'pipe inside $(…)',
      'FROM debian:12\nRUN V="$(cat f | head -1)" && echo $V\n',
      ['2:10 pipe without pipefail: cat f | head -1'],
    ],
  ])('fails: %s', (_name, text, expected) => {
    expect(failures(check, text)).toEqual(expected);
  });

  it.each([
    ['set -o pipefail first', 'FROM debian:12\nRUN set -o pipefail && curl -fsSL https://x | sh\n'],
    ['set -euo pipefail', 'FROM debian:12\nRUN set -euxo pipefail; curl -fsSL https://x | sh\n'],
    [
      'SHELL bash pipefail',
      'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://x | sh\n',
    ],
    [
      'SHELL ash -eo pipefail',
      'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN wget -qO- https://x | tar xz\n',
    ],
    [
      'SHELL inherited from the base stage',
      'FROM debian:12 AS a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM a\nRUN a | b\n',
    ],
    ['heredoc with set -o pipefail', 'FROM debian:12\nRUN <<EOF\nset -euo pipefail\na | b\nEOF\n'],
    ['nested script with its own pipefail', 'FROM debian:12\nRUN bash -c "set -o pipefail; a | b"\n'],
    ['quoted pipe is not a pipe', 'FROM debian:12\nRUN echo "curl | sh" > /note\n'],
    [
      'echo into a checker cannot hide a failure',
      'FROM debian:12\nRUN echo "$SUM  /tmp/x.tgz" | sha256sum -c -\n',
    ],
    ['|| is not a pipe', 'FROM debian:12\nRUN a || b\n'],
    [
      'non-POSIX SHELL is not parsed',
      'FROM mcr.microsoft.com/powershell\nSHELL ["pwsh", "-Command"]\nRUN Get-ChildItem | Select-Object Name\n',
    ],
  ])('passes: %s', (_name, text) => {
    expect(statuses(check, text)).toEqual(['pass']);
  });
});
