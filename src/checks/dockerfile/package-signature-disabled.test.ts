import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './package-signature-disabled.js';

describe('BH-DKF-027 package-signature-disabled', () => {
  it.each([
    [
      'apt-get --allow-unauthenticated',
      'FROM debian:12\nRUN apt-get update && apt-get install -y --allow-unauthenticated curl',
      ['2:23 apt-get --allow-unauthenticated: apt-get install -y --allow-unauthenticated curl'],
    ],
    [
      'apt -o option',
      'FROM debian:12\nRUN apt-get -o APT::Get::AllowUnauthenticated=true install -y x',
      [
        '2:5 apt-get -o APT::Get::AllowUnauthenticated=true: apt-get -o APT::Get::AllowUnauthenticated=true install -y x',
      ],
    ],
    [
      '--force-yes',
      'FROM debian:12\nRUN apt-get install -y --force-yes x',
      ['2:5 apt-get --force-yes: apt-get install -y --force-yes x'],
    ],
    [
      'trusted=yes sources line',
      'FROM debian:12\nRUN echo "deb [trusted=yes] http://repo.corp/ stable main" > /etc/apt/sources.list.d/corp.list',
      [
        '2:5 apt source marked trusted=yes (no signature check): echo "deb [trusted=yes] http://repo.corp/ stable main" > /etc/apt/sources.list.d/corp.list',
      ],
    ],
    [
      'apk --allow-untrusted',
      'FROM alpine:3\nRUN apk add --allow-untrusted /tmp/x.apk',
      ['2:5 apk --allow-untrusted: apk add --allow-untrusted /tmp/x.apk'],
    ],
    [
      'dnf --nogpgcheck',
      'FROM fedora:40\nRUN dnf install -y --nogpgcheck x',
      ['2:5 dnf --nogpgcheck: dnf install -y --nogpgcheck x'],
    ],
    [
      'gpgcheck=0 written into a .repo',
      'FROM rockylinux:9\nRUN printf "[corp]\\nbaseurl=https://r/\\ngpgcheck=0\\n" > /etc/yum.repos.d/corp.repo',
      [
        '2:5 repository with gpgcheck=0: printf "[corp]\\nbaseurl=https://r/\\ngpgcheck=0\\n" > /etc/yum.repos.d/corp.repo',
      ],
    ],
    [
      'gpgcheck=0 in a heredoc',
      'FROM rockylinux:9\nRUN cat > /etc/yum.repos.d/x.repo <<EOF\n[x]\ngpgcheck=0\nEOF',
      ['2:5 repository with gpgcheck=0: cat > /etc/yum.repos.d/x.repo <<EOF'],
    ],
    [
      'rpm --nosignature',
      'FROM rockylinux:9\nRUN rpm -i --nosignature /tmp/x.rpm',
      ['2:5 rpm --nosignature: rpm -i --nosignature /tmp/x.rpm'],
    ],
    [
      'zypper',
      'FROM opensuse/leap\nRUN zypper --no-gpg-checks install -y x',
      ['2:5 zypper without GPG checks: zypper --no-gpg-checks install -y x'],
    ],
    [
      'GOSUMDB=off',
      'FROM golang:1.22\nENV GOSUMDB=off',
      ['2:1 GOSUMDB=off turns off Go module checksum verification: ENV GOSUMDB=off'],
    ],
  ])('fails: %s', (_n, text, expected) => {
    expect(failures(check, dockerfile(text))).toEqual(expected);
  });

  it.each([
    [
      'signed-by source',
      'FROM debian:12\nRUN echo "deb [signed-by=/etc/apt/keyrings/x.gpg] https://r/ stable main" > /etc/apt/sources.list.d/x.list',
    ],
    [
      'gpgcheck on',
      'FROM rockylinux:9\nRUN printf "[x]\\ngpgcheck=1\\n" > /etc/yum.repos.d/x.repo && dnf install -y x',
    ],
    ['npm --ignore-scripts is unrelated', 'FROM node:20\nRUN npm ci --ignore-scripts'],
    ['mentioned, not used', 'FROM debian:12\nRUN grep -r allow-unauthenticated /etc/apt || true'],
  ])('passes: %s', (_n, text) => {
    expect(statuses(check, dockerfile(text))).toEqual(['pass']);
  });
});
