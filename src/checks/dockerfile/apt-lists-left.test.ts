import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './apt-lists-left.js';

describe('BH-DKF-044 apt-lists-left', () => {
  it('fails on each RUN that downloads lists and keeps them', () => {
    const text = dockerfile`
      FROM debian:12 AS build
      RUN apt-get update && apt-get install -y curl && apt-get update
      RUN apt-get update && apt-get install -y git && apt-get clean
      FROM debian:12
      RUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl
      RUN apt-get update
      RUN apt-get install -y git && rm -rf /var/lib/apt/lists/*
    `;
    expect(failures(check, text)).toEqual([
      '2:5 apt lists kept in the layer (no rm -rf /var/lib/apt/lists/* in this RUN): apt-get update',
      '3:5 apt lists kept in the layer (no rm -rf /var/lib/apt/lists/* in this RUN): apt-get update',
      '5:46 apt lists kept in the layer (no rm -rf /var/lib/apt/lists/* in this RUN): apt-get update',
      '6:5 apt lists kept in the layer (no rm -rf /var/lib/apt/lists/* in this RUN): apt-get update',
    ]);
  });

  it.each([
    ['rm -rf lists/*', 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*'],
    ['rm -fr lists dir', 'RUN apt-get update && apt-get install -y curl && rm -fr /var/lib/apt/lists'],
    [
      'continuation and heredoc',
      'RUN <<EOF\nset -eux\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF',
    ],
    [
      'find -delete',
      'RUN apt-get update && apt-get install -y curl && find /var/lib/apt/lists -type f -delete',
    ],
    [
      'cache mount on /var/lib/apt',
      'RUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y curl',
    ],
    [
      'tmpfs on the lists',
      'RUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update && apt-get install -y curl',
    ],
    ['install only (the lists are from an earlier layer)', 'RUN apt-get install -y curl'],
    ['rm in sh -c', "RUN sh -c 'apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*'"],
  ])('passes: %s', (_n, run) => {
    expect(statuses(check, `FROM debian:12\n${run}\n`)).toEqual(['pass']);
  });
});
