import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './healthcheck.js';

describe('BH-DKF-010 healthcheck', () => {
  it.each([
    [
      'none at all',
      'FROM nginx:1.27\nCOPY site /usr/share/nginx/html\n',
      ['1:1 no HEALTHCHECK in stage 1 or its base stages'],
    ],
    [
      'only in a builder stage',
      dockerfile`
        FROM node:22 AS build
        HEALTHCHECK CMD true
        FROM node:22-slim AS runtime
        COPY --from=build /app /app
      `,
      ['3:1 no HEALTHCHECK in stage "runtime" or its base stages'],
    ],
    [
      'HEALTHCHECK NONE',
      'FROM nginx:1.27\nHEALTHCHECK NONE\n',
      ['2:1 HEALTHCHECK NONE disables the health check'],
    ],
    [
      'NONE after an inherited check',
      'FROM debian:12 AS base\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nFROM base\nHEALTHCHECK none\n',
      ['4:1 HEALTHCHECK NONE disables the health check'],
    ],
  ])('fails: %s', (_name, text, expected) => {
    expect(failures(check, text)).toEqual(expected);
  });

  it.each([
    [
      'exec form with options',
      'FROM debian:12\nHEALTHCHECK --interval=30s --timeout=3s CMD ["/app/health"]\n',
    ],
    ['shell form', 'FROM nginx:1.27\nHEALTHCHECK CMD curl -fsS http://localhost/ || exit 1\n'],
    ['inherited from the base stage', 'FROM debian:12 AS base\nHEALTHCHECK CMD true\nFROM base\nRUN true\n'],
    ['NONE overridden later', 'FROM debian:12\nHEALTHCHECK NONE\nHEALTHCHECK CMD true\n'],
  ])('passes: %s', (_name, text) => {
    expect(statuses(check, text)).toEqual(['pass']);
  });
});
