import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './package-update-alone.js';

describe('BH-DKF-040 package-update-alone', () => {
  it('fails on index updates alone in their RUN, naming a later install', () => {
    const text = dockerfile`
      FROM debian:12
      RUN apt-get update
      RUN apt-get install -y curl
      FROM alpine:3.20
      RUN apk update && echo done
      FROM rockylinux:9
      RUN yum makecache
      RUN sudo zypper refresh
    `;
    expect(failures(check, text)).toEqual([
      '2:5 index update alone in its RUN: apt-get update (the install at line 3 runs in a later layer)',
      '5:5 index update alone in its RUN: apk update',
      '7:5 index update alone in its RUN: yum makecache',
      '8:10 index update alone in its RUN: sudo zypper refresh',
    ]);
  });

  it.each([
    ['update and install together', 'RUN apt-get update && apt-get install -y curl'],
    ['continuation lines', 'RUN apt-get update \\\n  && apt-get install -y \\\n     curl'],
    ['update then upgrade', 'RUN apt-get -q update && apt-get -y dist-upgrade'],
    ['apk update then add', 'RUN apk update && apk add curl'],
    ['in sh -c', 'RUN sh -c "apt-get update && apt-get install -y curl"'],
    ['heredoc', 'RUN <<EOF\napt-get update\napt-get install -y curl\nEOF'],
    ['the words in an echo', 'RUN echo "apt-get update"'],
    ['yum update (an upgrade, not an index refresh)', 'RUN yum update -y'],
  ])('passes: %s', (_n, run) => {
    expect(statuses(check, `FROM debian:12\n${run}\n`)).toEqual(['pass']);
  });
});
