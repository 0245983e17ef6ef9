import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './maintainer.js';

describe('BH-DKF-016 maintainer', () => {
  it('fails on MAINTAINER, pointing at its line, in any stage', () => {
    const text = dockerfile`
      FROM debian:12 AS build
      MAINTAINER Jane <jane@example.com>
      FROM scratch
      maintainer ops
    `;
    expect(failures(check, text)).toEqual(['2:1 MAINTAINER Jane <jane@example.com>', '4:1 MAINTAINER ops']);
  });

  it('passes with the OCI authors label', () => {
    const text = dockerfile`
      FROM debian:12
      LABEL org.opencontainers.image.authors="Jane <jane@example.com>"
    `;
    expect(statuses(check, text)).toEqual(['pass']);
  });
});
