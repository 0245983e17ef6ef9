import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './pip-cache-left.js';

describe('BH-DKF-047 pip-cache-left', () => {
  it('fails on pip installs that keep the cache', () => {
    const text = dockerfile`
      FROM python:3.12
      RUN pip install -r requirements.txt
      RUN python3 -m pip install --upgrade pip && pip3 install --no-cache-dir flask
      RUN PIP_NO_CACHE_DIR=maybe pip install flask
      RUN sh -c "/opt/venv/bin/pip install ."
    `;
    expect(failures(check, text)).toEqual([
      '2:5 pip install without --no-cache-dir: pip install -r requirements.txt',
      '3:5 pip install without --no-cache-dir: python3 -m pip install --upgrade pip',
      '4:28 pip install without --no-cache-dir: pip install flask',
      '5:12 pip install without --no-cache-dir: /opt/venv/bin/pip install .',
    ]);
  });

  it.each([
    ['--no-cache-dir', 'RUN pip install --no-cache-dir flask'],
    ['abbreviated --no-cache', 'RUN pip install --no-cache flask'],
    ['ENV =1', 'ENV PIP_NO_CACHE_DIR=1\nRUN pip install flask'],
    ['ENV off (pip reads any boolean as no cache)', 'ENV PIP_NO_CACHE_DIR=off\nRUN pip install flask'],
    ['legacy ENV', 'ENV PIP_NO_CACHE_DIR true\nRUN pip install flask'],
    ['ARG', 'ARG PIP_NO_CACHE_DIR=1\nRUN pip install flask'],
    ['ENV in a base stage', 'ENV PIP_NO_CACHE_DIR=1\nFROM base AS x\nRUN pip install flask'],
    ['prefix assignment', 'RUN PIP_NO_CACHE_DIR=1 pip install flask'],
    ['env wrapper', 'RUN env PIP_NO_CACHE_DIR=1 pip install flask'],
    ['export', 'RUN export PIP_NO_CACHE_DIR=1 && pip install flask'],
    ['cache mount', 'RUN --mount=type=cache,target=/root/.cache/pip pip install flask'],
    [
      'cache mount for another user',
      'RUN --mount=type=cache,target=/home/app/.cache,uid=1000 pip install flask',
    ],
    ['rm cache', 'RUN pip install flask && rm -rf /root/.cache'],
    ['rm ~/.cache/pip', 'RUN pip install flask && rm -rf ~/.cache/pip'],
    ['pip cache purge', 'RUN pip install flask && pip cache purge'],
    ['pip.conf', "RUN printf '[global]\\nno-cache-dir = false\\n' > /etc/pip.conf\nRUN pip install flask"],
  ])('passes: %s', (_n, run) => {
    const text = run.includes('FROM base')
      ? `FROM python:3.12 AS base\n${run}\n`
      : `FROM python:3.12\n${run}\n`;
    expect(statuses(check, text)).toEqual(['pass']);
  });
});
