import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './credential-in-run.js';

describe('BH-DKF-021 credential-in-run', () => {
  it.each([
    [
      '.npmrc from a build arg',
      'FROM node:20\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci',
      [
        '3:10 _authToken written to .npmrc, from build arg NPM_TOKEN (kept in the image history): echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc',
      ],
    ],
    [
      'literal token is masked',
      'FROM node:20\nRUN echo "//registry.npmjs.org/:_authToken=abcdef0123456789" >> /root/.npmrc',
      [
        '2:10 _authToken written to /root/.npmrc, written in the Dockerfile: echo "//registry.npmjs.org/:_authToken=abcd***" >> /root/.npmrc',
      ],
    ],
    [
      '.pgpass via tee',
      'FROM postgres:16\nARG PGPASS\nRUN echo "db:5432:app:app:$PGPASS" | tee ~/.pgpass',
      [
        '3:10 password written to ~/.pgpass, from build arg PGPASS (kept in the image history): echo "db:5432:app:app:$PGPASS"',
      ],
    ],
    [
      'git clone with a token in the URL, continuation',
      'FROM alpine:3\nARG GITHUB_TOKEN\nRUN apk add git && \\\n    git clone https://x-access-token:${GITHUB_TOKEN}@github.com/org/repo.git',
      [
        '4:15 credential in a URL, from build arg GITHUB_TOKEN (kept in the image history): git clone https://x-access-token:${GITHUB_TOKEN}@github.com/org/repo.git',
      ],
    ],
    [
      'token as the URL user',
      'FROM python:3.12\nARG GH_TOKEN\nRUN pip install git+https://$GH_TOKEN@github.com/org/lib.git',
      [
        '3:17 credential in a URL, from build arg GH_TOKEN (kept in the image history): pip install git+https://$GH_TOKEN@github.com/org/lib.git',
      ],
    ],
    [
      'docker login -p',
      'FROM docker:27\nRUN docker login -u ci -p s3cr3tpassw0rd registry.example.com',
      [
        '2:27 docker login password, written in the Dockerfile: docker login -u ci -p s3cr*** registry.example.com',
      ],
    ],
    [
      'curl -u user:pass',
      'FROM alpine:3\nARG NEXUS_PASSWORD\nRUN curl -fsSL -u "deploy:${NEXUS_PASSWORD}" -o /tmp/a.jar https://nexus/a.jar',
      [
        '3:19 curl user:password, from build arg NEXUS_PASSWORD (kept in the image history): curl -fsSL -u "deploy:${NEXUS_PASSWORD}" -o /tmp/a.jar https://nexus/a.jar',
      ],
    ],
    [
      'curl Authorization header under sudo',
      'FROM alpine:3\nENV API_TOKEN=$CI_TOKEN\nARG CI_TOKEN\nRUN sudo curl -H "Authorization: Bearer $API_TOKEN" https://api/x',
      [
        '4:18 curl Authorization header, from ENV API_TOKEN: sudo curl -H "Authorization: Bearer $API_TOKEN" https://api/x',
      ],
    ],
    [
      'wget --password=',
      'FROM alpine:3\nRUN wget --user=ci --password=hunter22hunter https://h/f',
      ['2:20 wget password, written in the Dockerfile: wget --user=ci --password=hunt*** https://h/f'],
    ],
    [
      'aws configure set',
      'FROM amazon/aws-cli\nARG AWS_SECRET_ACCESS_KEY\nRUN aws configure set aws_secret_access_key $AWS_SECRET_ACCESS_KEY',
      [
        '3:45 aws configure set aws_secret_access_key, from build arg AWS_SECRET_ACCESS_KEY (kept in the image history): aws configure set aws_secret_access_key $AWS_SECRET_ACCESS_KEY',
      ],
    ],
    [
      'npm config set with key=value',
      'FROM node:20\nARG NPM_TOKEN\nRUN npm config set //registry.npmjs.org/:_authToken=${NPM_TOKEN}',
      [
        '3:20 npm config //registry.npmjs.org/:_authToken, from build arg NPM_TOKEN (kept in the image history): npm config set //registry.npmjs.org/:_authToken=${NPM_TOKEN}',
      ],
    ],
    [
      'secret-named variable set for a command',
      'FROM node:20\nRUN NPM_TOKEN=abcdef123456 npm publish',
      ['2:5 NPM_TOKEN set for the command, written in the Dockerfile: NPM_TOKEN=abcd*** npm publish'],
    ],
    [
      'mysql -pPASS inside sh -c',
      "FROM mysql:8\nRUN sh -c 'mysql -uroot -pRootPassw0rd < /init.sql'",
      ['2:25 mysql password, written in the Dockerfile: mysql -uroot -pRoot*** < /init.sql'],
    ],
    [
      'heredoc written with cat',
      'FROM python:3.12\nARG PYPI_PASSWORD\nRUN cat > /root/.pypirc <<EOF\n[pypi]\npassword = ${PYPI_PASSWORD}\nEOF',
      [
        '3:5 password written to /root/.pypirc, from build arg PYPI_PASSWORD (kept in the image history): cat > /root/.pypirc <<EOF',
      ],
    ],
  ])('fails: %s', (_n, text, expected) => {
    expect(failures(check, dockerfile(text))).toEqual(expected);
  });

  it.each([
    [
      'secret mount read from /run/secrets',
      'FROM node:20\nRUN --mount=type=secret,id=npm echo "//registry.npmjs.org/:_authToken=$(cat /run/secrets/npm)" > .npmrc && npm ci && rm .npmrc',
    ],
    [
      'secret mount as env',
      'FROM node:20\nARG NPM_TOKEN\nRUN --mount=type=secret,id=npm,env=NPM_TOKEN npm config set //registry.npmjs.org/:_authToken=$NPM_TOKEN',
    ],
    [
      'docker login --password-stdin',
      'FROM docker:27\nRUN --mount=type=secret,id=pw docker login -u ci --password-stdin < /run/secrets/pw',
    ],
    ['curl -u user only (prompt)', 'FROM alpine:3\nRUN curl -u deploy https://h/f'],
    ['mysql -p alone prompts', 'FROM mysql:8\nRUN mysql -uroot -p < /init.sql'],
    [
      'variable set in the RUN itself',
      'FROM alpine:3\nRUN TOKEN=$(cat /run/secrets/t) && git clone https://x:$TOKEN@github.com/o/r',
    ],
    [
      'echo of a credential-looking string to stdout only',
      'FROM alpine:3\nRUN echo "set password=... in your config"',
    ],
    [
      'registry without auth in .npmrc',
      'FROM node:20\nRUN echo "registry=https://npm.example.com/" > .npmrc',
    ],
    ['ssh URL with user only', 'FROM alpine:3\nRUN git clone ssh://git@github.com/org/repo.git'],
  ])('passes: %s', (_n, text) => {
    expect(statuses(check, dockerfile(text))).toEqual(['pass']);
  });
});
