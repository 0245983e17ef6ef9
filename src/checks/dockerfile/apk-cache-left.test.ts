import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './apk-cache-left.js';

describe('BH-DKF-045 apk-cache-left', () => {
  it('fails once per RUN that leaves /var/cache/apk filled', () => {
    const text = dockerfile`
      FROM alpine:3.20 AS build
      RUN apk update && apk add curl
      RUN apk add --update-cache --virtual .bd gcc && apk del .bd
      FROM alpine:3.20
      RUN apk --no-cache add curl && apk upgrade
      RUN sudo apk add git
    `;
    expect(failures(check, text)).toEqual([
      '2:5 apk update without --no-cache: apk update',
      '3:5 apk add without --no-cache: apk add --update-cache --virtual .bd gcc',
      '5:32 apk upgrade without --no-cache: apk upgrade',
      '6:10 apk add without --no-cache: sudo apk add git',
    ]);
  });

  it.each([
    ['--no-cache', 'RUN apk add --no-cache curl'],
    ['global --no-cache', 'RUN apk --no-cache add curl'],
    ['rm cache', 'RUN apk update && apk add curl && rm -rf /var/cache/apk/*'],
    ['cache mount', 'RUN --mount=type=cache,target=/var/cache/apk apk add curl'],
    ['apk del only', 'RUN apk del curl'],
    ['heredoc', 'RUN <<EOF\napk add --no-cache curl\nEOF'],
  ])('passes: %s', (_n, run) => {
    expect(statuses(check, `FROM alpine:3.20\n${run}\n`)).toEqual(['pass']);
  });
});
