// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are Dockerfile ARG syntax under test
import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './user-root.js';

describe('BH-DKF-005 user-root', () => {
  it.each([
    [
      'no USER',
      'FROM node:22\nCMD ["node", "app.js"]\n',
      ['1:1 no USER in stage 1 or its base stages: the container runs as root (image default)'],
    ],
    [
      'scratch without USER',
      'FROM scratch\nCOPY app /app\n',
      ['1:1 no USER in stage 1 or its base stages: the container runs as root (image default)'],
    ],
    [
      'distroless (not the nonroot tag) without USER',
      'FROM golang:1.22 AS build\nUSER 1000\nFROM gcr.io/distroless/static-debian12 AS final\n',
      ['3:1 no USER in stage "final" or its base stages: the container runs as root (image default)'],
    ],
    ['USER root', 'FROM debian:12\nUSER root\n', ['2:1 final user is root: USER root']],
    ['USER 0', 'FROM debian:12\nUSER 0\n', ['2:1 final user is root: USER 0']],
    ['USER 0:0', 'FROM debian:12\nUSER 0:0\n', ['2:1 final user is root: USER 0:0']],
    [
      'USER root:root',
      'FROM debian:12\nUSER app\nRUN id\nUSER root:root\n',
      ['4:1 final user is root: USER root:root'],
    ],
    [
      'root through an ARG',
      'FROM debian:12\nARG RUN_AS=0\nUSER ${RUN_AS}\n',
      ['3:1 final user is root: USER ${RUN_AS} (= 0)'],
    ],
    [
      'non-root only in a builder stage',
      dockerfile`
        FROM node:22 AS build
        USER node
        FROM node:22-slim
        COPY --from=build /app /app
      `,
      ['3:1 no USER in stage 2 or its base stages: the container runs as root (image default)'],
    ],
    [
      'root inherited from the base stage',
      dockerfile`
        FROM debian:12 AS base
        USER root
        FROM base
        RUN true
      `,
      ['2:1 final user is root: USER root'],
    ],
  ])('fails: %s', (_name, text, expected) => {
    expect(failures(check, text)).toEqual(expected);
  });

  it.each([
    ['numeric user', 'FROM debian:12\nUSER 10001:10001\n'],
    ['a later non-root USER fixes root', 'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app\n'],
    ['USER inherited from the base stage', 'FROM debian:12 AS base\nUSER 1000\nFROM base\nRUN true\n'],
    ['distroless nonroot tag', 'FROM gcr.io/distroless/static-debian12:nonroot\n'],
    ['distroless debug-nonroot tag', 'FROM gcr.io/distroless/base:debug-nonroot\n'],
    ['user 00 is not 0 padded? it is root-like only when all zeros: 1000', 'FROM debian:12\nUSER 1000:0\n'],
  ])('passes: %s', (_name, text) => {
    expect(statuses(check, text)).toEqual(['pass']);
  });

  it('is unknown when the user is a build arg without a default', () => {
    expect(statuses(check, 'FROM debian:12\nARG UID\nUSER $UID\n')).toEqual(['unknown']);
  });
});
