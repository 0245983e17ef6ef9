import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './duplicate-runtime.js';

describe('BH-DKF-011 duplicate-runtime', () => {
  it.each([
    [
      'two CMDs',
      'FROM debian:12\nCMD ["nginx"]\nCMD ["php-fpm"]\n',
      ['2:1 CMD ["nginx"] is ignored: overridden by CMD ["php-fpm"] at line 3'],
    ],
    [
      'three ENTRYPOINTs and two HEALTHCHECKs',
      dockerfile`
        FROM debian:12
        ENTRYPOINT ["a"]
        HEALTHCHECK CMD true
        ENTRYPOINT b
        HEALTHCHECK NONE
        ENTRYPOINT ["c"]
      `,
      [
        '2:1 ENTRYPOINT ["a"] is ignored: overridden by ENTRYPOINT ["c"] at line 6',
        '3:1 HEALTHCHECK CMD true is ignored: overridden by HEALTHCHECK NONE at line 5',
        '4:1 ENTRYPOINT b is ignored: overridden by ENTRYPOINT ["c"] at line 6',
      ],
    ],
    [
      'in a builder stage too',
      'FROM golang:1.22 AS build\nCMD a\nCMD b\nFROM scratch\nCMD ["/app"]\n',
      ['2:1 CMD a is ignored: overridden by CMD b at line 3'],
    ],
  ])('fails: %s', (_name, text, expected) => {
    expect(failures(check, text)).toEqual(expected);
  });

  it.each([
    ['one of each', 'FROM debian:12\nENTRYPOINT ["tini", "--"]\nCMD ["app"]\nHEALTHCHECK CMD true\n'],
    ['one per stage', 'FROM debian:12 AS a\nCMD ["a"]\nFROM a\nCMD ["b"]\n'],
    ["ONBUILD CMD is not the stage's", 'FROM debian:12\nONBUILD CMD ["x"]\nCMD ["y"]\n'],
  ])('passes: %s', (_name, text) => {
    expect(statuses(check, text)).toEqual(['pass']);
  });
});
