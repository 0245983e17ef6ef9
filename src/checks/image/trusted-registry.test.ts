import { describe, expect, it } from 'vitest';
import { imageFacts, inspectV141, inspectV150, one, text } from '../../../test/kit/image.js';
import { context } from '../../../test/kit/snapshot.js';
import { imageFromApi } from '../../collectors/adapters/image.js';
import check from './trusted-registry.js';

const trusted = { trustedRegistries: ['registry.example.com', 'docker.io/library'] };

describe('BH-IMG-007 trusted-registry', () => {
  it('is not applicable without trustedRegistries', () => {
    expect(one(check, imageFacts(), context()).status).toBe('n/a');
  });

  it.each([
    [
      'Docker Hub community image',
      { repoTags: ['bitnami/redis:7.4'], repoDigests: ['bitnami/redis@sha256:1a2b'] },
      'RepoDigests entry docker.io/bitnami/redis is from docker.io, not in trustedRegistries (registry.example.com, docker.io/library)',
    ],
    [
      'ghcr.io image',
      inspectV150(),
      'RepoDigests entry ghcr.io/example/app is from ghcr.io, not in trustedRegistries (registry.example.com, docker.io/library)',
    ],
  ])('fails for %s', (_name, over, evidence) => {
    const img = 'Id' in over ? imageFromApi(over, [], 1) : imageFacts(over);
    const o = one(check, img, context({}, trusted));
    expect(o.status).toBe('fail');
    expect(text(o)).toBe(evidence);
  });

  it.each([
    ['private registry', imageFacts()],
    ['official Docker Hub image (API 1.41)', imageFromApi(inspectV141(), [], 1)],
    [
      'retagged locally but pulled from the private registry',
      imageFacts({ repoTags: ['myapp:dev'], repoDigests: ['registry.example.com/team/myapp@sha256:9f'] }),
    ],
  ])('passes for %s', (_name, img) => {
    expect(one(check, img, context({}, trusted)).status).toBe('pass');
  });

  it('is unknown for a locally built image', () => {
    const o = one(check, imageFacts({ repoTags: ['myapp:dev'], repoDigests: [] }), context({}, trusted));
    expect(o.status).toBe('unknown');
    expect(text(o)).toContain('tagged myapp:dev');
  });
});
