// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are Dockerfile ARG syntax under test
import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './base-image-digest.js';

const DIGEST = 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

describe('BH-DKF-003 base-image-digest', () => {
  it.each([
    [
      'tagged',
      'FROM debian:12\n',
      [
        '1:1 base image not pinned by digest: FROM debian:12 (fix: FROM debian:12@sha256:<digest>, digest from `docker buildx imagetools inspect debian:12`)',
      ],
    ],
    [
      'untagged, and each stage',
      dockerfile`
        FROM golang:1.22 AS build
        FROM ubuntu
      `,
      [
        '1:1 base image not pinned by digest: FROM golang:1.22 (fix: FROM golang:1.22@sha256:<digest>, digest from `docker buildx imagetools inspect golang:1.22`)',
        '2:1 base image not pinned by digest: FROM ubuntu (fix: FROM ubuntu:<tag>@sha256:<digest>, digest from `docker buildx imagetools inspect ubuntu`)',
      ],
    ],
  ])('fails: %s', (_name, text, expected) => {
    expect(failures(check, text)).toEqual(expected);
  });

  it.each([
    ['tag and digest', `FROM debian:12@${DIGEST}\n`],
    ['digest through an ARG', `ARG D=${DIGEST}\nFROM debian:12@\${D}\n`],
    ['scratch and stages', `FROM alpine:3.20@${DIGEST} AS b\nFROM b\nFROM scratch\n`],
  ])('passes: %s', (_name, text) => {
    expect(statuses(check, text)).toEqual(['pass']);
  });
});
