import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './os-packages-unpinned.js';

describe('BH-DKF-042 os-packages-unpinned', () => {
  it('fails per install command, listing the unpinned names', () => {
    const text = dockerfile`
      FROM debian:12 AS build
      ARG PKGS="git make=4.3-4.1"
      RUN apt-get update && apt-get install -y --no-install-recommends \\
            -t bookworm-backports curl=7.88.1-10 $PKGS "$EXTRA" vim/bookworm
      FROM alpine:3.20
      RUN apk add --no-cache --virtual .build-deps gcc "musl-dev>=1.2" py3-pip=23.1-r0
      FROM rockylinux:9
      RUN yum install -y httpd-2.4.57 java-11-openjdk-devel @core
      RUN zypper -n in curl "vim=9.1"
    `;
    expect(failures(check, text)).toEqual([
      '4:44 apt-get install without versions (pin as pkg=1.2.3-1): git, vim/bookworm',
      '6:46 apk add without versions (pin as pkg=1.2.3-r0): gcc, musl-dev>=1.2',
      '8:33 yum install without versions (pin as pkg-1.2.3): java-11-openjdk-devel',
      '9:18 zypper in without versions (pin as pkg=1.2.3): curl',
    ]);
  });

  it.each([
    ['apt pins', 'RUN apt-get install -y curl=7.88.1-10+deb12u8 "libssl3=3.0.*"'],
    ['apk pins and fuzzy pins', 'RUN apk add --no-cache curl=8.12.1-r0 "openssl~3.3"'],
    ['rpm NEVRA', 'RUN dnf install -y httpd-2.4.57-5.el9 kernel-0:5.14.0-70.el9.x86_64'],
    ['unresolved variables are not judged', 'RUN apt-get install -y $PKGS'],
    ['local .deb files', 'RUN apt-get install -y ./pkg.deb'],
    ['URLs', 'RUN dnf install -y https://example.com/epel-release-latest-9.noarch.rpm'],
    ['build-dep', 'RUN apt-get build-dep -y nginx'],
    ['language packages are BH-DKF-043', 'RUN pip install flask'],
    ['an option value is not a package', 'RUN apt-get -o Dpkg::Options::=--force-confnew -y install curl=1'],
  ])('passes: %s', (_n, run) => {
    expect(statuses(check, `FROM debian:12\n${run}\n`)).toEqual(['pass']);
  });
});
