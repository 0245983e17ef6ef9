import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './add-remote-unverified.js';

const SUM = 'sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d';

describe('BH-DKF-024 add-remote-unverified', () => {
  it.each([
    [
      'https without checksum',
      'FROM alpine:3\nADD https://example.com/tool.tgz /tmp/',
      ['2:1 remote file without --checksum: ADD https://example.com/tool.tgz /tmp/'],
    ],
    [
      'plain http',
      'FROM alpine:3\nADD http://example.com/tool.tgz /tmp/',
      ['2:1 remote file over plain HTTP without --checksum: ADD http://example.com/tool.tgz /tmp/'],
    ],
    [
      'url from an ARG',
      'FROM alpine:3\nARG V=1.2\nADD https://example.com/tool-${V}.tgz /tmp/',
      ['3:1 remote file without --checksum: ADD https://example.com/tool-${V}.tgz /tmp/'],
    ],
    [
      'git on a tag',
      'FROM alpine:3\nADD https://github.com/moby/buildkit.git#v0.14.1 /src',
      ['2:1 git source not pinned to a commit: ADD https://github.com/moby/buildkit.git#v0.14.1 /src'],
    ],
    [
      'git over ssh, no ref',
      'FROM alpine:3\nADD git@github.com:org/repo.git /src',
      ['2:1 git source not pinned to a commit: ADD git@github.com:org/repo.git /src'],
    ],
  ])('fails: %s', (_n, text, expected) => {
    expect(failures(check, dockerfile(text))).toEqual(expected);
  });

  it.each([
    ['checksum', `FROM alpine:3\nADD --checksum=${SUM} https://example.com/tool.tgz /tmp/`],
    [
      'git commit',
      'FROM alpine:3\nADD https://github.com/moby/buildkit.git#6d7b6a8f1a6f2c2b5e5a7c4d9e8f0a1b2c3d4e5f /src',
    ],
    [
      'git with --checksum commit',
      'FROM alpine:3\nADD --checksum=6d7b6a8f1a6f2c2b5e5a7c4d9e8f0a1b2c3d4e5f https://github.com/moby/buildkit.git#v0.14.1 /src',
    ],
    ['local ADD', 'FROM alpine:3\nADD rootfs.tar.gz /'],
  ])('passes: %s', (_n, text) => {
    expect(statuses(check, dockerfile(text))).toEqual(['pass']);
  });
});
