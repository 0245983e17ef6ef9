import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './credential-file-copied.js';

describe('BH-DKF-022 credential-file-copied', () => {
  it.each([
    [
      'ssh key',
      'FROM alpine:3\nCOPY id_rsa /root/.ssh/',
      ['2:1 id_rsa copied into the image: COPY id_rsa /root/.ssh/'],
    ],
    [
      'key renamed by destination',
      'FROM alpine:3\nCOPY deploy_key /root/.ssh/id_ed25519',
      ['2:1 id_ed25519 copied into the image: COPY deploy_key /root/.ssh/id_ed25519'],
    ],
    [
      '.npmrc with other files, exec form',
      'FROM node:20\nCOPY ["package.json", ".npmrc", "./"]',
      ['2:1 .npmrc copied into the image: COPY ["package.json", ".npmrc", "./"]'],
    ],
    [
      'private key by extension',
      'FROM nginx:1\nCOPY certs/server.key /etc/nginx/',
      ['2:1 server.key (key file) copied into the image: COPY certs/server.key /etc/nginx/'],
    ],
    [
      'glob of pem files',
      'FROM nginx:1\nCOPY *.pem /etc/ssl/private/',
      ['2:1 *.pem (key file) copied into the image: COPY *.pem /etc/ssl/private/'],
    ],
    [
      '.env file with ADD',
      'FROM node:20\nADD .env.production /app/',
      ['2:1 .env.production (environment file) copied into the image: ADD .env.production /app/'],
    ],
    [
      'aws credentials',
      'FROM alpine:3\nCOPY --chown=app .aws/credentials /home/app/.aws/credentials',
      ['2:1 .aws/credentials copied into the image: COPY .aws/credentials /home/app/.aws/credentials'],
    ],
    [
      'service account',
      'FROM python:3.12\nCOPY service-account-prod.json /secrets/',
      [
        '2:1 service-account-prod.json (service account key) copied into the image: COPY service-account-prod.json /secrets/',
      ],
    ],
    [
      'terraform state',
      'FROM alpine:3\nCOPY terraform.tfstate /infra/',
      ['2:1 terraform.tfstate copied into the image: COPY terraform.tfstate /infra/'],
    ],
    [
      'builder stage, not shipped',
      'FROM node:20 AS build\nCOPY .npmrc /root/.npmrc\nRUN npm ci\nFROM node:20-slim\nCOPY --from=build /app/dist /app',
      [
        '2:1 .npmrc copied into stage "build" (not shipped; still in its layers and the build cache): COPY .npmrc /root/.npmrc',
      ],
    ],
    [
      'builder stage, copied forward',
      'FROM node:20 AS build\nWORKDIR /app\nCOPY .npmrc package.json ./\nRUN npm ci\nFROM node:20-slim\nCOPY --from=build /app /app',
      [
        '3:1 .npmrc copied into stage "build" and on into the final image by line 6: COPY .npmrc package.json ./',
      ],
    ],
    [
      'base stage of the final image is shipped',
      'FROM alpine:3 AS base\nCOPY id_ed25519 /root/.ssh/\nFROM base\nRUN true',
      ['2:1 id_ed25519 copied into the image: COPY id_ed25519 /root/.ssh/'],
    ],
  ])('fails: %s', (_n, text, expected) => {
    expect(failures(check, dockerfile(text))).toEqual(expected);
  });

  it.each([
    ['copy of the whole context is not judged', 'FROM node:20\nCOPY . .\nCOPY . /app'],
    [
      'public key and certificates',
      'FROM nginx:1\nCOPY id_rsa.pub /root/.ssh/authorized_keys\nCOPY ca.pem cert.pem fullchain.pem /etc/ssl/\nCOPY nodesource.gpg.key /tmp/',
    ],
    ['env samples', 'FROM node:20\nCOPY .env.example .env.sample /app/'],
    ['regular files', 'FROM node:20\nCOPY package.json package-lock.json ./\nCOPY src/ /app/src/'],
    ['remote ADD', 'FROM alpine:3\nADD https://example.com/server.key /tmp/'],
  ])('passes: %s', (_n, text) => {
    expect(statuses(check, dockerfile(text))).toEqual(['pass']);
  });
});
