import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './pipe-to-shell.js';

describe('BH-DKF-025 pipe-to-shell', () => {
  it.each([
    [
      'curl | sh',
      'FROM debian:12\nRUN curl -fsSL https://get.docker.com | sh',
      ['2:41 download piped into sh: curl -fsSL https://get.docker.com | sh'],
    ],
    [
      'wget | sudo bash -s --',
      'FROM debian:12\nRUN wget -qO- https://x.io/i.sh | sudo -E bash -s -- -y',
      ['2:35 download piped into bash: wget -qO- https://x.io/i.sh | sudo -E bash -s -- -y'],
    ],
    [
      'through tee',
      'FROM debian:12\nRUN curl -sL https://deb.nodesource.com/setup_20.x | tee /tmp/s | bash -',
      ['2:67 download piped into bash: curl -sL https://deb.nodesource.com/setup_20.x | tee /tmp/s | bash -'],
    ],
    [
      'into python',
      'FROM python:3.12\nRUN curl -sSL https://install.python-poetry.org | python3 -',
      ['2:51 download piped into python3: curl -sSL https://install.python-poetry.org | python3 -'],
    ],
    [
      'sh -c "$(curl …)"',
      'FROM debian:12\nRUN sh -c "$(curl -fsSL https://raw.githubusercontent.com/ohmyzsh/ohmyzsh/master/tools/install.sh)"',
      [
        '2:5 downloaded code run by sh: sh -c "$(curl -fsSL https://raw.githubusercontent.com/ohmyzsh/ohmyzsh/master/tools/install.sh)"',
      ],
    ],
    [
      'bash <(curl …)',
      'FROM debian:12\nRUN bash <(curl -s https://x.io/install)',
      ['2:5 downloaded code run by bash: bash <(curl -s https://x.io/install)'],
    ],
    [
      'eval "$(wget …)"',
      'FROM debian:12\nRUN eval "$(wget -qO- https://x.io/env)"',
      ['2:5 downloaded code run by eval: eval "$(wget -qO- https://x.io/env)"'],
    ],
    [
      'download then run, continuation',
      'FROM debian:12\nRUN curl -fsSLo /tmp/install.sh https://x.io/install.sh && \\\n    sh /tmp/install.sh',
      ['3:5 downloaded script run without a checksum or signature check: sh /tmp/install.sh'],
    ],
    [
      'wget default name then ./',
      'FROM debian:12\nRUN wget https://x.io/setup.sh && chmod +x setup.sh && ./setup.sh --yes',
      ['2:56 downloaded script run without a checksum or signature check: ./setup.sh --yes'],
    ],
    [
      'in a heredoc',
      'FROM debian:12\nRUN <<EOF\nset -e\ncurl -fsSL https://x.io/i | bash\nEOF',
      ['4:29 download piped into bash: curl -fsSL https://x.io/i | bash'],
    ],
  ])('fails: %s', (_n, text, expected) => {
    expect(failures(check, dockerfile(text))).toEqual(expected);
  });

  it.each([
    ['pipe into tar', 'FROM debian:12\nRUN curl -fsSL https://x.io/a.tgz | tar -xz -C /opt'],
    [
      'pipe into gpg',
      'FROM debian:12\nRUN curl -fsSL https://x.io/key | gpg --dearmor -o /usr/share/keyrings/x.gpg',
    ],
    [
      'python reads JSON data',
      'FROM python:3.12\nRUN curl -s https://api.github.com/repos/a/b/releases/latest | python3 -c "import json,sys; print(json.load(sys.stdin)[\'tag_name\'])"',
    ],
    [
      'verified before running',
      'FROM debian:12\nRUN curl -fsSLo /tmp/i.sh https://x.io/i.sh && echo "abc  /tmp/i.sh" | sha256sum -c - && sh /tmp/i.sh',
    ],
    ['echo of the pattern', 'FROM debian:12\nRUN echo "curl https://x | sh"'],
    ['script from the context', 'FROM debian:12\nCOPY install.sh /tmp/\nRUN sh /tmp/install.sh'],
  ])('passes: %s', (_n, text) => {
    expect(statuses(check, dockerfile(text))).toEqual(['pass']);
  });
});
