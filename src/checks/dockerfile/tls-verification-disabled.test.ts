import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './tls-verification-disabled.js';

describe('BH-DKF-026 tls-verification-disabled', () => {
  it.each([
    [
      'curl bundled -k',
      'FROM debian:12\nRUN curl -fsSLk https://x.io/a -o /a',
      ['2:5 curl -k/--insecure skips certificate checks: curl -fsSLk https://x.io/a -o /a'],
    ],
    [
      'curl --insecure under sudo',
      'FROM debian:12\nRUN sudo curl --insecure -O https://x.io/a',
      ['2:5 curl -k/--insecure skips certificate checks: sudo curl --insecure -O https://x.io/a'],
    ],
    [
      'wget',
      'FROM debian:12\nRUN wget --no-check-certificate https://x.io/a.tgz',
      ['2:5 wget --no-check-certificate: wget --no-check-certificate https://x.io/a.tgz'],
    ],
    [
      'git -c',
      'FROM alpine:3\nRUN git -c http.sslVerify=false clone https://git.corp/x.git',
      ['2:5 git -c http.sslVerify=false: git -c http.sslVerify=false clone https://git.corp/x.git'],
    ],
    [
      'git config',
      'FROM alpine:3\nRUN git config --global http.sslverify false',
      ['2:5 git config http.sslverify false: git config --global http.sslverify false'],
    ],
    [
      'GIT_SSL_NO_VERIFY ENV',
      'FROM alpine:3\nENV GIT_SSL_NO_VERIFY=1',
      ['2:1 GIT_SSL_NO_VERIFY turns off git certificate checks: ENV GIT_SSL_NO_VERIFY=1'],
    ],
    [
      'NODE_TLS_REJECT_UNAUTHORIZED as ARG',
      'FROM node:20\nARG NODE_TLS_REJECT_UNAUTHORIZED=0',
      [
        '2:1 NODE_TLS_REJECT_UNAUTHORIZED=0 turns off Node.js certificate checks: ARG NODE_TLS_REJECT_UNAUTHORIZED=0',
      ],
    ],
    [
      'prefix assignment',
      'FROM python:3.12\nRUN PYTHONHTTPSVERIFY=0 python setup.py install',
      ['2:5 PYTHONHTTPSVERIFY=0 turns off Python certificate checks: PYTHONHTTPSVERIFY=0'],
    ],
    [
      'export',
      'FROM python:3.12\nRUN export PIP_TRUSTED_HOST=pypi.corp && pip install x',
      ['2:12 PIP_TRUSTED_HOST trusts hosts without TLS checks: export PIP_TRUSTED_HOST=pypi.corp'],
    ],
    [
      'npm strict-ssl',
      'FROM node:20\nRUN npm config set strict-ssl false && npm ci',
      ['2:5 npm config set strict-ssl false: npm config set strict-ssl false'],
    ],
    [
      'yarn strict-ssl',
      'FROM node:20\nRUN yarn config set strict-ssl false',
      ['2:5 yarn config set strict-ssl false: yarn config set strict-ssl false'],
    ],
    [
      'pip --trusted-host',
      'FROM python:3.12\nRUN python -m pip install --trusted-host pypi.org requests',
      ['2:5 pip --trusted-host: python -m pip install --trusted-host pypi.org requests'],
    ],
    [
      'apk',
      'FROM alpine:3\nRUN apk add --no-check-certificate curl',
      ['2:5 apk --no-check-certificate: apk add --no-check-certificate curl'],
    ],
    [
      'apt -o Verify-Peer',
      'FROM debian:12\nRUN apt-get -o Acquire::https::Verify-Peer=false update',
      [
        '2:5 apt-get -o Acquire::https::Verify-Peer=false: apt-get -o Acquire::https::Verify-Peer=false update',
      ],
    ],
    [
      'gem source over http',
      'FROM ruby:3\nRUN gem sources -a http://gems.corp/',
      ['2:5 gem uses a plain-HTTP source: gem sources -a http://gems.corp/'],
    ],
    [
      'composer',
      'FROM composer:2\nRUN composer config -g disable-tls true',
      ['2:5 composer config disable-tls true: composer config -g disable-tls true'],
    ],
    [
      'wgetrc written by echo',
      'FROM debian:12\nRUN echo "check_certificate = off" >> /etc/wgetrc',
      ['2:5 .wgetrc turns off certificate checks: echo "check_certificate = off" >> /etc/wgetrc'],
    ],
    [
      'inside sh -c',
      "FROM debian:12\nRUN sh -c 'curl -k https://x.io'",
      ['2:12 curl -k/--insecure skips certificate checks: curl -k https://x.io'],
    ],
  ])('fails: %s', (_n, text, expected) => {
    expect(failures(check, dockerfile(text))).toEqual(expected);
  });

  it.each([
    ['normal downloads', 'FROM debian:12\nRUN curl -fsSL https://x.io/a -o /a && wget -q https://x.io/b'],
    ['-K is a config file, not -k', 'FROM debian:12\nRUN curl -K /etc/curlrc https://x.io'],
    [
      'words that merely mention the flag',
      'FROM debian:12\nRUN echo "never use --insecure" && grep -r no-check-certificate /etc',
    ],
    [
      'verification kept on',
      'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=1 GIT_SSL_NO_VERIFY=\nRUN git config --global http.sslVerify true && npm config set strict-ssl true',
    ],
    ['extra CA instead', 'FROM node:20\nENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/corp.crt'],
  ])('passes: %s', (_n, text) => {
    expect(statuses(check, dockerfile(text))).toEqual(['pass']);
  });
});
