import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './rpm-cache-left.js';

describe('BH-DKF-046 rpm-cache-left', () => {
  it('fails on installs without a clean in the same RUN', () => {
    const text = dockerfile`
      FROM rockylinux:9
      RUN yum install -y httpd
      RUN yum clean all
      RUN dnf clean all && dnf -y install git
      RUN microdnf install -y curl && microdnf clean packages
      FROM opensuse/leap:15.6
      RUN zypper -n in curl
    `;
    expect(failures(check, text)).toEqual([
      '2:5 yum install without yum clean all in the same RUN: yum install -y httpd',
      '4:22 dnf install without dnf clean all in the same RUN: dnf -y install git',
      '5:5 microdnf install without microdnf clean all in the same RUN: microdnf install -y curl',
      '7:5 zypper in without zypper clean --all in the same RUN: zypper -n in curl',
    ]);
  });

  it.each([
    ['yum clean all', 'RUN yum install -y httpd && yum clean all'],
    ['dnf clean all after a continuation', 'RUN dnf -y install git \\\n && dnf clean all'],
    ['rm -rf cache', 'RUN dnf install -y git && rm -rf /var/cache/dnf'],
    ['microdnf', 'RUN microdnf install -y curl && microdnf clean all'],
    ['cache mount', 'RUN --mount=type=cache,target=/var/cache/dnf dnf install -y git'],
    ['zypper clean', 'RUN zypper -n in curl && zypper clean -a'],
    ['zypper cc', 'RUN zypper -n in curl && zypper cc'],
    ['no install', 'RUN yum makecache && yum clean all'],
  ])('passes: %s', (_n, run) => {
    expect(statuses(check, `FROM rockylinux:9\n${run}\n`)).toEqual(['pass']);
  });
});
