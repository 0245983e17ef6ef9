import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './secret-copied-forward.js';

describe('BH-DKF-028 secret-copied-forward', () => {
  it.each([
    [
      '.npmrc written by a RUN, whole dir copied',
      `
       FROM node:20 AS build
       WORKDIR /app
       RUN --mount=type=secret,id=npm echo "//registry.npmjs.org/:_authToken=$(cat /run/secrets/npm)" > .npmrc && npm ci
       FROM node:20-slim
       COPY --from=build /app /app`,
      [
        '5:1 COPY --from=build /app /app brings /app/.npmrc (.npmrc written by a RUN at line 3 in stage "build") into the final image',
      ],
    ],
    [
      'key copied in, root copied out',
      `
       FROM alpine:3 AS fetch
       COPY id_ed25519 /root/.ssh/id_ed25519
       RUN git clone git@github.com:o/r /src
       FROM alpine:3
       COPY --from=fetch / /`,
      [
        '5:1 COPY --from=fetch / / brings /root/.ssh/id_ed25519 (id_ed25519 at line 2 in stage "fetch") into the final image',
      ],
    ],
    [
      'npm config set writes root .npmrc; home copied by stage index',
      `
       FROM node:20
       RUN --mount=type=secret,id=t,env=T npm config set //r/:_authToken=$T && npm ci
       FROM node:20-slim
       COPY --from=0 /root /root`,
      [
        '4:1 COPY --from=0 /root /root brings /root/.npmrc (.npmrc written by npm config set at line 2 in stage 1) into the final image',
      ],
    ],
    [
      'secret mount copied to a file',
      `
       FROM python:3.12 AS build
       RUN --mount=type=secret,id=sa cp /run/secrets/sa /app/sa.json
       FROM python:3.12-slim
       COPY --from=build /app/ /app/`,
      [
        '4:1 COPY --from=build /app/ /app/ brings /app/sa.json (a secret mount copied to a file at line 2 in stage "build") into the final image',
      ],
    ],
    [
      'two hops',
      `
       FROM node:20 AS deps
       WORKDIR /w
       COPY .npmrc package.json ./
       RUN npm ci
       FROM node:20 AS build
       COPY --from=deps /w /src
       FROM node:20-slim
       COPY --from=build /src /app`,
      [
        '8:1 COPY --from=build /src /app brings /w/.npmrc (.npmrc at line 3 in stage "deps") into the final image',
      ],
    ],
  ])('fails: %s', (_n, text, expected) => {
    expect(failures(check, dockerfile(text))).toEqual(expected);
  });

  it.each([
    [
      'only the build output is copied',
      `
       FROM node:20 AS build
       WORKDIR /app
       COPY .npmrc package.json ./
       RUN npm ci && npm run build
       FROM node:20-slim
       COPY --from=build /app/dist /app/dist`,
    ],
    [
      'deleted in the builder before the copy',
      `
       FROM node:20 AS build
       WORKDIR /app
       RUN echo "//r/:_authToken=$(cat /run/secrets/t)" > .npmrc && npm ci && rm -f .npmrc
       FROM node:20-slim
       COPY --from=build /app /app`,
    ],
    [
      'secret mounted, never written',
      `
       FROM node:20 AS build
       WORKDIR /app
       RUN --mount=type=secret,id=npmrc,target=/app/.npmrc npm ci
       FROM node:20-slim
       COPY --from=build /app /app`,
    ],
    ['single stage (BH-DKF-021/022 judge it)', 'FROM node:20\nCOPY .npmrc /app/'],
  ])('passes: %s', (_n, text) => {
    expect(statuses(check, dockerfile(text))).toEqual(['pass']);
  });
});
