import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './package-install-prompt.js';

describe('BH-DKF-041 package-install-prompt', () => {
  it('fails on installs that would stop at the prompt', () => {
    const text = dockerfile`
      FROM debian:12
      ENV DEBIAN_FRONTEND=noninteractive
      RUN apt-get update && apt-get install -q curl
      RUN DEBIAN_FRONTEND=noninteractive apt-get -o Dpkg::Options::=--force-confold install curl
      RUN apt-get -y update && apt-get dist-upgrade
      FROM fedora:40
      RUN dnf install --setopt=install_weak_deps=False curl
      RUN microdnf install curl
      FROM opensuse/leap:15.6
      RUN zypper install -n curl
      RUN zypper --gpg-auto-import-keys in -f curl
      FROM python:3.12
      RUN pip uninstall six
    `;
    expect(failures(check, text)).toEqual([
      '3:23 apt-get install without -y: apt-get install -q curl',
      '4:36 apt-get install without -y: apt-get -o Dpkg::Options::=--force-confold install curl',
      '5:26 apt-get dist-upgrade without -y: apt-get dist-upgrade',
      '7:5 dnf install without -y: dnf install --setopt=install_weak_deps=False curl',
      '8:5 microdnf install without -y: microdnf install curl',
      '10:5 zypper install without --non-interactive: zypper install -n curl',
      '11:5 zypper in without --non-interactive: zypper --gpg-auto-import-keys in -f curl',
      '13:5 pip uninstall without -y: pip uninstall six',
    ]);
  });

  it.each([
    ['-y', 'RUN apt-get install -y curl'],
    ['bundled -qy', 'RUN apt-get install -qy curl'],
    ['--yes', 'RUN apt-get --yes install curl'],
    ['--assume-yes', 'RUN apt-get install --assume-yes curl'],
    ['-qq implies -y', 'RUN apt-get -qq install curl'],
    ['-q=2 implies -y', 'RUN apt-get -q=2 install curl'],
    ['-o APT::Get::Assume-Yes=true', 'RUN apt-get -o APT::Get::Assume-Yes=true install curl'],
    ['-o=APT::Get::Assume-Yes=1', 'RUN apt-get -o=APT::Get::Assume-Yes=1 install curl'],
    ['yes |', 'RUN yes | apt-get install curl'],
    ['sudo wrapper', 'RUN sudo -E apt-get install -y curl'],
    [
      'apt.conf written earlier',
      'RUN echo \'APT::Get::Assume-Yes "true";\' > /etc/apt/apt.conf.d/90yes\nRUN apt-get install curl',
    ],
    ['apt.conf copied in (not readable)', 'COPY 90yes /etc/apt/apt.conf.d/\nRUN apt-get install curl'],
    ['apt-get update, no prompt', 'RUN apt-get update'],
    ['dnf -y', 'RUN dnf -y install curl'],
    ['yum --assumeyes', 'RUN yum install --assumeyes curl'],
    ['dnf --setopt=assumeyes=True', 'RUN dnf --setopt=assumeyes=True install curl'],
    ['dnf.conf assumeyes', 'RUN echo assumeyes=1 >> /etc/dnf/dnf.conf && dnf install curl'],
    ['zypper -n global', 'RUN zypper -n install curl'],
    ['zypper --non-interactive', 'RUN zypper --non-interactive --gpg-auto-import-keys in curl'],
    ['zypper in -y', 'RUN zypper in -y curl'],
    ['apk never prompts', 'RUN apk add curl'],
    ['pip install never prompts', 'RUN pip install flask'],
    ['pip uninstall -y', 'RUN pip uninstall -y six'],
  ])('passes: %s', (_n, run) => {
    expect(statuses(check, `FROM debian:12\n${run}\n`)).toEqual(['pass']);
  });
});
