// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are Dockerfile ARG syntax under test
import { describe, expect, it } from 'vitest';
import { dockerfile, failures, run, statuses } from '../../../test/kit/dockerfile.js';
import check from './base-image-registry.js';

const text = dockerfile`
  FROM ubuntu:24.04 AS a
  FROM ghcr.io/acme/tool:1 AS b
  FROM localhost:5000/base:1 AS c
  FROM registry.internal/team/app:2 AS d
  FROM bitnami/redis:7
`;

describe('BH-DKF-004 base-image-registry', () => {
  it('passes and says so when no allowlist is configured', () => {
    expect(run(check, text)).toEqual([
      expect.objectContaining({
        status: 'pass',
        evidence: [{ message: 'no registry allowlist configured (trustedRegistries, allowedBaseImages)' }],
      }),
    ]);
  });

  it.each([
    [
      'trusted registry only',
      { trustedRegistries: ['registry.internal'] },
      [
        '1:1 base image from docker.io is not allowed: FROM ubuntu:24.04 (docker.io/library/ubuntu)',
        '2:1 base image from ghcr.io is not allowed: FROM ghcr.io/acme/tool:1 (ghcr.io/acme/tool)',
        '3:1 base image from localhost:5000 is not allowed: FROM localhost:5000/base:1 (localhost:5000/base)',
        '5:1 base image from docker.io is not allowed: FROM bitnami/redis:7 (docker.io/bitnami/redis)',
      ],
    ],
    [
      'official images glob and a registry with port',
      {
        trustedRegistries: ['localhost:5000'],
        allowedBaseImages: ['docker.io/library/*', 'registry.internal/**'],
      },
      [
        '2:1 base image from ghcr.io is not allowed: FROM ghcr.io/acme/tool:1 (ghcr.io/acme/tool)',
        '5:1 base image from docker.io is not allowed: FROM bitnami/redis:7 (docker.io/bitnami/redis)',
      ],
    ],
    [
      'short-form globs are normalised like references',
      {
        allowedBaseImages: [
          'ubuntu',
          'bitnami/*',
          'ghcr.io/acme/*',
          'localhost:5000/*',
          'registry.internal/team/*',
        ],
      },
      [],
    ],
    [
      'single * does not cross a path component',
      { allowedBaseImages: ['registry.internal/*', 'docker.io/**', 'ghcr.io/**', 'localhost:5000/**'] },
      [
        '4:1 base image from registry.internal is not allowed: FROM registry.internal/team/app:2 (registry.internal/team/app)',
      ],
    ],
  ])('judges against the allowlist: %s', (_name, settings, expected) => {
    expect(failures(check, text, settings)).toEqual(expected);
  });

  it.each([
    ['docker hub aliases', 'FROM index.docker.io/library/debian:12\n', { trustedRegistries: ['docker.io'] }],
    ['tag glob', 'FROM node:22-slim\n', { allowedBaseImages: ['docker.io/library/node:22-*'] }],
    [
      'scratch, stages and unknown refs are not judged',
      'ARG R\nFROM scratch AS s\nFROM s\nFROM ${R}/x:1\n',
      { trustedRegistries: ['r.io'] },
    ],
  ])('passes: %s', (_name, t, settings) => {
    expect(statuses(check, t, settings)).toEqual(['pass']);
  });
});
