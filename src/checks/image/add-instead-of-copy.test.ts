import { describe, expect, it } from 'vitest';
import { buildkit, classic, imageFacts, one, steps, text } from '../../../test/kit/image.js';
import { context } from '../../../test/kit/snapshot.js';
import check from './add-instead-of-copy.js';

const ROOTFS = classic('ADD file:0a7d4e1b3c2f5a6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d in / ');

describe('BH-IMG-004 add-instead-of-copy', () => {
  it.each([
    [
      'BuildKit ADD of a directory',
      steps(ROOTFS, buildkit('ADD . /app')),
      'history step 2: ADD . /app (not an archive)',
    ],
    [
      'BuildKit ADD with --chown of a file',
      steps(buildkit('ADD --chown=app:app config.yaml /etc/app/')),
      'history step 1: ADD config.yaml /etc/app/ (not an archive)',
    ],
    [
      'classic ADD to a path other than /',
      steps(ROOTFS, classic('ADD file:9b8c7d6e5f4a in /usr/src/app ')),
      'history step 2: ADD file:9b8c7d6e5f4a in /usr/src/app (classic builder history does not show whether the source was an archive)',
    ],
  ])('fails for %s', (_name, history, evidence) => {
    const o = one(check, imageFacts({ history }), context());
    expect(o.status).toBe('fail');
    expect(text(o)).toBe(evidence);
  });

  it.each([
    ['classic base rootfs ADD', steps(ROOTFS, classic('CMD ["bash"]'))],
    ['BuildKit rootfs archive', steps(buildkit('ADD alpine-minirootfs-3.20.3-x86_64.tar.gz /'))],
    ['COPY only', steps(buildkit('COPY . /app'))],
    [
      'remote URL (judged by BH-IMG-005)',
      steps(buildkit('ADD https://example.com/tool /usr/local/bin/tool')),
    ],
  ])('passes for %s', (_name, history) => {
    expect(one(check, imageFacts({ history }), context()).status).toBe('pass');
  });
});
