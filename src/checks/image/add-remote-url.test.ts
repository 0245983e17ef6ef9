import { describe, expect, it } from 'vitest';
import { buildkit, classic, imageFacts, one, steps, text } from '../../../test/kit/image.js';
import { context } from '../../../test/kit/snapshot.js';
import check from './add-remote-url.js';

describe('BH-IMG-005 add-remote-url', () => {
  it.each([
    [
      'https download',
      steps(buildkit('ADD https://github.com/tini/releases/download/v0.19.0/tini /tini')),
      'history step 1: ADD https://github.com/tini/releases/download/v0.19.0/tini',
    ],
    [
      'plain http, credentials and query hidden',
      steps(buildkit('COPY . /app'), buildkit('ADD http://bob:pw@files.example.com/a.tgz?sig=xyz /opt/')),
      'history step 2: ADD http://files.example.com/a.tgz?…, over plain http',
    ],
    [
      'git source',
      steps(buildkit('ADD git@github.com:org/repo.git /src')),
      'history step 1: ADD git@github.com:org/repo.git',
    ],
  ])('fails for %s', (_name, history, evidence) => {
    const o = one(check, imageFacts({ history }), context());
    expect(o.status).toBe('fail');
    expect(text(o)).toBe(evidence);
    expect(text(o)).not.toMatch(/pw|sig=xyz/);
  });

  it.each([
    ['local sources', steps(buildkit('ADD app.tar.gz /opt/'), buildkit('COPY . /app'))],
    [
      'checksum-pinned download',
      steps(
        buildkit(
          'ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a.tgz /',
        ),
      ),
    ],
    ['classic base rootfs', steps(classic('ADD file:0a7d4e in / '))],
  ])('passes for %s', (_name, history) => {
    expect(one(check, imageFacts({ history }), context()).status).toBe('pass');
  });

  it('is unknown when classic history hides an ADD source', () => {
    const o = one(check, imageFacts({ history: steps(classic('ADD file:9b8c7d in /opt ')) }), context());
    expect(o.status).toBe('unknown');
    expect(text(o)).toContain('history step 1: ADD file:9b8c7d in /opt');
  });
});
