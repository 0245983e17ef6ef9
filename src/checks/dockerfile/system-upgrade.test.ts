import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './system-upgrade.js';

describe('BH-DKF-051 system-upgrade', () => {
  it('fails on whole-system upgrades', () => {
    const text = dockerfile`
      FROM debian:12
      RUN apt-get update && apt-get -y upgrade && apt-get dist-upgrade -y
      FROM alpine:3.20
      RUN apk upgrade --no-cache
      FROM rockylinux:9
      RUN yum -y update && dnf -y distro-sync
      FROM opensuse/leap:15.6
      RUN zypper -n dup
    `;
    expect(failures(check, text)).toEqual([
      '2:23 whole-system upgrade: apt-get -y upgrade',
      '2:45 whole-system upgrade: apt-get dist-upgrade -y',
      '4:5 whole-system upgrade: apk upgrade --no-cache',
      '6:5 whole-system upgrade: yum -y update',
      '6:22 whole-system upgrade: dnf -y distro-sync',
      '8:5 whole-system upgrade: zypper -n dup',
    ]);
  });

  it.each([
    ['apt-get update (an index refresh)', 'RUN apt-get update && apt-get install -y curl'],
    ['named yum update', 'RUN yum update -y openssl'],
    ['named apk upgrade', 'RUN apk upgrade --no-cache openssl'],
    ['apk add --upgrade', 'RUN apk add --no-cache --upgrade openssl'],
    ['pip upgrade', 'RUN pip install --upgrade pip'],
    ['only-upgrade install', 'RUN apt-get install -y --only-upgrade openssl'],
  ])('passes: %s', (_n, run) => {
    expect(statuses(check, `FROM debian:12\n${run}\n`)).toEqual(['pass']);
  });
});
