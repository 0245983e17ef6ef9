import { describe, expect, it } from 'vitest';
import { imageFacts, inspectV141, inspectV150, one, text } from '../../../test/kit/image.js';
import { context } from '../../../test/kit/snapshot.js';
import { imageFromApi } from '../../collectors/adapters/image.js';
import check from './latest-tag.js';

describe('BH-IMG-015 latest-tag', () => {
  it.each([
    ['explicit latest', { repoTags: ['nginx:latest'] }, 'only tagged nginx:latest'],
    [
      'latest in two registries',
      { repoTags: ['localhost:5000/app:latest', 'app:latest'] },
      'only tagged localhost:5000/app:latest, app:latest',
    ],
    ['no tag and no digest', { repoTags: [], repoDigests: [] }, 'image has no tag and no digest'],
  ])('fails for %s', (_name, over, evidence) => {
    const o = one(check, imageFacts(over), context());
    expect(o.status).toBe('fail');
    expect(text(o)).toBe(evidence);
  });

  it.each([
    ['a version tag beside latest', imageFacts({ repoTags: ['app:latest', 'app:2.4.1'] })],
    ['registry with a port and a version', imageFacts({ repoTags: ['localhost:5000/app:1.0'] })],
    ['untagged but pulled by digest', imageFromApi(inspectV150({ top: { RepoTags: [] } }), [], 1)],
    ['API 1.41 image', imageFromApi(inspectV141(), [], 1)],
  ])('passes for %s', (_name, img) => {
    expect(one(check, img, context()).status).toBe('pass');
  });
});
