import { describe, expect, it } from 'vitest';
import { imageFacts, inspectV141, inspectV150, one, text } from '../../../test/kit/image.js';
import { context } from '../../../test/kit/snapshot.js';
import { imageFromApi } from '../../collectors/adapters/image.js';
import check from './repo-digest.js';

describe('BH-IMG-008 repo-digest', () => {
  it('fails for an image built locally or loaded', () => {
    const o = one(check, imageFacts({ repoTags: ['myapp:dev'], repoDigests: [] }), context());
    expect(o.status).toBe('fail');
    expect(text(o)).toBe('RepoDigests is empty: built locally or loaded, not pulled from a registry');
  });

  it.each([
    ['API 1.41 pulled image', imageFromApi(inspectV141(), [], 0)],
    ['API 1.50 pulled image', imageFromApi(inspectV150(), [], 0)],
  ])('passes for %s', (_name, img) => {
    const o = one(check, img, context());
    expect(o.status).toBe('pass');
    expect(text(o)).toMatch(/@sha256:/);
  });
});
