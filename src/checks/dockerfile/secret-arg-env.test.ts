import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './secret-arg-env.js';

describe('BH-DKF-020 secret-arg-env', () => {
  it.each([
    [
      'ENV by name',
      'FROM node:20\nENV DB_PASSWORD=hunter2hunter2',
      ['2:1 ENV DB_PASSWORD sets a secret in the Dockerfile: DB_PASSWORD=hunt***'],
    ],
    [
      'short value fully masked',
      'FROM node:20\nENV API_KEY=abc',
      ['2:1 ENV API_KEY sets a secret in the Dockerfile: API_KEY=***'],
    ],
    [
      'ARG default, global scope',
      'ARG NPM_TOKEN=npm_secretvalue1\nFROM node:20',
      [
        '1:1 ARG NPM_TOKEN sets a secret in the Dockerfile: NPM_TOKEN=npm_*** (recorded in the image history)',
      ],
    ],
    [
      'placeholder default password still fails',
      'FROM postgres:16\nENV POSTGRES_PASSWORD=changeme',
      ['2:1 ENV POSTGRES_PASSWORD sets a secret in the Dockerfile: POSTGRES_PASSWORD=chan***'],
    ],
    [
      'legacy ENV form',
      'FROM alpine:3\nENV GITHUB_TOKEN abcdefghijklmnop',
      ['2:1 ENV GITHUB_TOKEN sets a secret in the Dockerfile: GITHUB_TOKEN=abcd***'],
    ],
    [
      'AWS key by value under any name, continuation',
      'FROM alpine:3\nENV A=1 \\\n    UPLOAD_ID="AKIAIOSFODNN7EXAMPLE"',
      ['2:1 ENV UPLOAD_ID holds an AWS access key id: AKIA***'],
    ],
    [
      'basic-auth URL in a LABEL',
      'FROM alpine:3\nLABEL repo="https://deploy:s3cretpassw0rd@git.example.com/x.git"',
      ['2:1 LABEL repo holds a URL with an embedded password: s3cr***'],
    ],
    [
      'GitHub token value',
      'FROM alpine:3\nARG X=ghp_0123456789abcdefghijklmnopqrstuvwxyzAB',
      ['2:1 ARG X holds a GitHub token: ghp_*** (recorded in the image history)'],
    ],
    [
      'private key header',
      'FROM alpine:3\nENV SSH_KEY="-----BEGIN OPENSSH PRIVATE KEY-----\\nb3Blbn"',
      ['2:1 ENV SSH_KEY holds a private key: ----***'],
    ],
    [
      'ENV in a builder stage that is not shipped',
      'FROM golang:1.22 AS build\nENV GOPROXY_TOKEN=abcdef123456\nFROM scratch\nCOPY --from=build /out /out',
      [
        '2:1 ENV GOPROXY_TOKEN sets a secret in the Dockerfile: GOPROXY_TOKEN=abcd*** (in stage "build", not shipped: still in the Dockerfile and the build cache)',
      ],
    ],
    [
      'ONBUILD ENV',
      'FROM alpine:3\nONBUILD ENV SECRET_KEY=djangoinsecurekey',
      ['2:1 ENV SECRET_KEY sets a secret in the Dockerfile: SECRET_KEY=djan***'],
    ],
  ])('fails: %s', (_n, text, expected) => {
    expect(failures(check, dockerfile(text))).toEqual(expected);
  });

  it.each([
    ['ARG without default', 'ARG NPM_TOKEN\nFROM node:20\nARG GITHUB_TOKEN'],
    ['empty value', 'FROM node:20\nENV API_KEY=""\nARG PASSWORD='],
    ['*_FILE pointers', 'FROM postgres:16\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password'],
    ['variable reference', 'FROM node:20\nARG NPM_TOKEN\nENV NPM_TOKEN=$NPM_TOKEN TOKEN2=${OTHER}'],
    [
      'settings about a secret',
      'FROM node:20\nENV PASSWORD_MIN_LENGTH=12 TOKEN_TTL=3600 AWS_ACCESS_KEY_ID=x JWT_SECRET_ENABLED=true',
    ],
    ['switches', 'FROM node:20\nENV REQUIRE_PASSWORD=false USE_TOKEN=1'],
    [
      'URL without a password',
      'FROM node:20\nLABEL org.opencontainers.image.source="https://github.com/org/repo" ssh="ssh://git@github.com:22/x"',
    ],
    ['label with a secret-like name is not judged by name', 'FROM node:20\nLABEL secret.scanner="trivy"'],
  ])('passes: %s', (_n, text) => {
    expect(statuses(check, dockerfile(text))).toEqual(['pass']);
  });
});
