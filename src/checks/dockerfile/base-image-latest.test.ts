// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are Dockerfile ARG syntax under test
import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './base-image-latest.js';

describe('BH-DKF-002 base-image-latest', () => {
  it.each([
    ['explicit latest', 'FROM node:latest\n', ['1:1 base image uses :latest: FROM node:latest']],
    [
      'latest through an ARG, in a builder stage',
      dockerfile`
        ARG TAG=latest
        FROM golang:\${TAG} AS build
        FROM gcr.io/distroless/static:nonroot
      `,
      ['2:1 base image uses :latest: FROM golang:${TAG} (= golang:latest)'],
    ],
    [
      'registry with port',
      'FROM registry.local:5000/app:LATEST\n',
      ['1:1 base image uses :latest: FROM registry.local:5000/app:LATEST'],
    ],
  ])('fails: %s', (_name, text, expected) => {
    expect(failures(check, text)).toEqual(expected);
  });

  it.each([
    ['a version', 'FROM node:22-bookworm-slim\n'],
    ['untagged is BH-DKF-001', 'FROM ubuntu\n'],
    [
      'latest pinned by digest',
      'FROM node:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
    ],
    ['tag that merely contains latest', 'FROM myorg/app:latest-2024\n'],
    ['stage named latest', 'FROM alpine:3.20 AS latest\nFROM latest\n'],
  ])('passes: %s', (_name, text) => {
    expect(statuses(check, text)).toEqual(['pass']);
  });
});
