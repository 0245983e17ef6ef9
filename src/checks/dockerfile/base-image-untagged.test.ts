// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are Dockerfile ARG syntax under test
import { describe, expect, it } from 'vitest';
import { dockerfile, failures, run, statuses } from '../../../test/kit/dockerfile.js';
import check from './base-image-untagged.js';

describe('BH-DKF-001 base-image-untagged', () => {
  it.each([
    ['plain name', 'FROM ubuntu\n', ['1:1 base image without a tag (pulls latest): FROM ubuntu']],
    [
      'registry with port is not a tag',
      'FROM localhost:5000/team/app AS app\n',
      ['1:1 base image without a tag (pulls latest): FROM localhost:5000/team/app'],
    ],
    [
      'global ARG resolved',
      dockerfile`
        ARG BASE=debian
        FROM \${BASE}
      `,
      ['2:1 base image without a tag (pulls latest): FROM ${BASE} (= debian)'],
    ],
    [
      'every stage, with --platform',
      dockerfile`
        FROM --platform=$BUILDPLATFORM golang AS build
        FROM alpine:3.20
      `,
      ['1:1 base image without a tag (pulls latest): FROM golang'],
    ],
  ])('fails: %s', (_name, text, expected) => {
    expect(failures(check, text)).toEqual(expected);
  });

  it.each([
    ['tagged', 'FROM debian:12-slim\n'],
    ['scratch', 'FROM scratch\n'],
    ['digest only', 'FROM ubuntu@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n'],
    ['earlier stage alias, any case', 'FROM node:22 AS Build\nFROM build\n'],
    ['ARG with a tagged default', 'ARG BASE=debian:12\nFROM ${BASE}\n'],
  ])('passes: %s', (_name, text) => {
    expect(statuses(check, text)).toEqual(['pass']);
  });

  it('says which references it could not judge', () => {
    const out = run(check, 'ARG IMAGE\nFROM ${IMAGE}\n');
    expect(out).toEqual([
      expect.objectContaining({
        status: 'pass',
        evidence: [
          {
            message:
              'every base image names a tag or digest; not judged (reference unknown until build time): ${IMAGE}',
          },
        ],
      }),
    ]);
  });
});
