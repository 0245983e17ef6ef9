import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './build-tools-shipped.js';

describe('BH-DKF-052 build-tools-shipped', () => {
  it('fails on build tools installed in the final stage or its bases', () => {
    const text = dockerfile`
      FROM debian:12 AS base
      RUN apt-get update && apt-get install -y --no-install-recommends build-essential curl gcc-12
      FROM base AS app
      RUN apk add --no-cache make cmake
      RUN dnf install -y gcc-c++ && dnf group install -y "Development Tools"
    `;
    expect(failures(check, text)).toEqual([
      '2:66 build tools installed in the final image: apt-get install build-essential gcc-12',
      '4:24 build tools installed in the final image: apk add make cmake',
      '5:20 build tools installed in the final image: dnf install gcc-c++',
      '5:52 build tools installed in the final image: dnf group install Development Tools',
    ]);
  });

  it.each([
    [
      'a builder stage only',
      'FROM golang:1.23 AS build\nRUN apt-get update && apt-get install -y gcc make\nFROM gcr.io/distroless/static\nCOPY --from=build /app /app',
    ],
    [
      'apk virtual package deleted',
      'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev make \\\n && pip install -r r.txt \\\n && apk del .build-deps',
    ],
    ['purged later', 'FROM debian:12\nRUN apt-get install -y gcc\nRUN apt-get purge -y --auto-remove gcc'],
    [
      'the official images sweep',
      'FROM debian:12\nRUN savedAptMark="$(apt-mark showmanual)"; apt-get install -y gcc make; apt-mark auto \'.*\' > /dev/null; apt-mark manual $savedAptMark; apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false',
    ],
    ['dnf remove', 'FROM fedora:40\nRUN dnf install -y gcc && make && dnf remove -y gcc'],
    ['unresolved variables', 'FROM debian:12\nRUN apt-get install -y $BUILD_DEPS'],
    ['libraries only', 'FROM debian:12\nRUN apt-get install -y libssl3 make-doc'],
  ])('passes: %s', (_n, text) => {
    expect(statuses(check, `${text}\n`)).toEqual(['pass']);
  });
});
