import { describe, expect, it } from 'vitest';
import { failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './user-numeric.js';

describe('BH-DKF-008 user-numeric', () => {
  it.each([
    [
      'a name',
      'FROM node:22\nUSER node\n',
      ['2:1 final USER is a name, runAsNonRoot cannot verify it: USER node'],
    ],
    [
      'name with numeric group',
      'FROM debian:12\nUSER app:1000\n',
      ['2:1 final USER is a name, runAsNonRoot cannot verify it: USER app:1000'],
    ],
    [
      'name from an ENV',
      'FROM debian:12\nENV APP_USER=svc\nUSER $APP_USER\n',
      ['3:1 final USER is a name, runAsNonRoot cannot verify it: USER $APP_USER (= svc)'],
    ],
    [
      'inherited from the base stage',
      'FROM debian:12 AS b\nUSER app\nFROM b\n',
      ['2:1 final USER is a name, runAsNonRoot cannot verify it: USER app'],
    ],
  ])('fails: %s', (_name, text, expected) => {
    expect(failures(check, text)).toEqual(expected);
  });

  it.each([
    ['uid', 'FROM debian:12\nUSER 10001\n'],
    ['uid:gid', 'FROM debian:12\nUSER 10001:10001\n'],
    ['uid with a group name', 'FROM debian:12\nUSER 1000:app\n'],
    ['a name only in a builder stage', 'FROM debian:12 AS b\nUSER app\nFROM debian:12\nUSER 1000\n'],
  ])('passes: %s', (_name, text) => {
    expect(statuses(check, text)).toEqual(['pass']);
  });

  it.each([
    ['no USER', 'FROM debian:12\n'],
    ['root', 'FROM debian:12\nUSER root\n'],
  ])('leaves %s to BH-DKF-005', (_name, text) => {
    expect(statuses(check, text)).toEqual(['n/a']);
  });
});
