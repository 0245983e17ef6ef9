import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './add-instead-of-copy.js';

describe('BH-DKF-023 add-instead-of-copy', () => {
  it.each([
    [
      'local file',
      'FROM alpine:3\nADD app.py /app/',
      ['2:1 ADD of local files where COPY fits: ADD app.py /app/'],
    ],
    [
      'directory with --chown, any stage',
      'FROM alpine:3 AS b\nADD --chown=1000:1000 src/ /src/\nFROM scratch',
      ['2:1 ADD of local files where COPY fits: ADD src/ /src/'],
    ],
    [
      'exec form',
      'FROM alpine:3\nADD ["a.txt", "b.txt", "/data/"]',
      ['2:1 ADD of local files where COPY fits: ADD ["a.txt", "b.txt", "/data/"]'],
    ],
    [
      'zip is not extracted by ADD',
      'FROM alpine:3\nADD site.zip /srv/',
      ['2:1 ADD of local files where COPY fits: ADD site.zip /srv/'],
    ],
  ])('fails: %s', (_n, text, expected) => {
    expect(failures(check, dockerfile(text))).toEqual(expected);
  });

  it.each([
    ['archive to extract', 'FROM scratch\nADD rootfs.tar.gz /\nADD vendor.tar.xz /opt/'],
    [
      'URL',
      'FROM alpine:3\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a.bin /tmp/',
    ],
    ['git', 'FROM alpine:3\nADD https://github.com/moby/buildkit.git#v0.14.1 /src'],
    ['unresolved variable', 'FROM alpine:3\nARG PKG\nADD ${PKG} /tmp/'],
    ['COPY', 'FROM alpine:3\nCOPY app.py /app/'],
  ])('passes: %s', (_n, text) => {
    expect(statuses(check, dockerfile(text))).toEqual(['pass']);
  });
});
