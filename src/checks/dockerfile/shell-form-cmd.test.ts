import { describe, expect, it } from 'vitest';
import { dockerfile, failures, run, statuses } from '../../../test/kit/dockerfile.js';
import check from './shell-form-cmd.js';

describe('BH-DKF-012 shell-form-cmd', () => {
  it.each([
    [
      'shell-form CMD',
      'FROM node:22\nCMD node server.js\n',
      ['2:1 shell-form CMD: PID 1 is /bin/sh -c, signals are not forwarded: CMD node server.js'],
    ],
    [
      'shell-form ENTRYPOINT (CMD ignored, not reported)',
      'FROM debian:12\nENTRYPOINT /usr/local/bin/app --serve\nCMD ["--port", "80"]\n',
      [
        '2:1 shell-form ENTRYPOINT: PID 1 is /bin/sh -c, signals are not forwarded: ENTRYPOINT /usr/local/bin/app --serve',
      ],
    ],
    [
      'shell-form CMD given to an exec ENTRYPOINT',
      'FROM debian:12\nENTRYPOINT ["/entrypoint.sh"]\nCMD nginx -g "daemon off;"\n',
      [
        '3:1 shell-form CMD (passed to the ENTRYPOINT as sh -c arguments): PID 1 is /bin/sh -c, signals are not forwarded: CMD nginx -g "daemon off;"',
      ],
    ],
    [
      'exec form wrapping sh -c',
      'FROM nginx:1.27\nCMD ["/bin/sh", "-c", "envsubst < /t > /etc/nginx/conf.d/default.conf; nginx -g \'daemon off;\'"]\n',
      [
        '2:1 exec-form CMD runs a shell as PID 1, signals are not forwarded: CMD ["/bin/sh", "-c", "envsubst < /t > /etc/nginx/conf.d/default.conf; nginx -g \'daemon off;\'"]',
      ],
    ],
    [
      'inherited shell-form CMD from the base stage, continuation',
      dockerfile`
        FROM python:3.12 AS base
        CMD gunicorn \\
            app:app
        FROM base
        RUN true
      `,
      ['2:1 shell-form CMD: PID 1 is /bin/sh -c, signals are not forwarded: CMD gunicorn     app:app'],
    ],
    [
      'exec not last',
      'FROM debian:12\nCMD exec a; b\n',
      ['2:1 shell-form CMD: PID 1 is /bin/sh -c, signals are not forwarded: CMD exec a; b'],
    ],
  ])('fails: %s', (_name, text, expected) => {
    expect(failures(check, text)).toEqual(expected);
  });

  it.each([
    ['exec form', 'FROM node:22\nCMD ["node", "server.js"]\n'],
    ['exec ENTRYPOINT and CMD', 'FROM debian:12\nENTRYPOINT ["tini", "--"]\nCMD ["app", "--serve"]\n'],
    ['shell form handing over with exec', 'FROM node:22\nCMD cd /app && exec node server.js\n'],
    [
      'sh -c script that execs',
      'FROM nginx:1.27\nCMD ["sh", "-c", "envsubst < t > c && exec nginx -g \'daemon off;\'"]\n',
    ],
    [
      'shell-form CMD only in a builder stage',
      'FROM debian:12 AS b\nCMD make\nFROM debian:12\nCMD ["app"]\n',
    ],
    [
      "a later stage's ENTRYPOINT resets the base stage's CMD",
      'FROM debian:12 AS base\nCMD run me\nFROM base\nENTRYPOINT ["/app"]\n',
    ],
    ['entrypoint script', 'FROM postgres:16\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["postgres"]\n'],
  ])('passes: %s', (_name, text) => {
    expect(statuses(check, text)).toEqual(['pass']);
  });

  it('passes with the base image defaults when nothing is set', () => {
    expect(run(check, 'FROM nginx:1.27\n')[0]).toMatchObject({
      status: 'pass',
      evidence: [{ message: "no CMD or ENTRYPOINT in the shipped stages (the base image's apply)" }],
    });
  });
});
