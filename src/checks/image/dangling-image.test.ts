import { describe, expect, it } from 'vitest';
import { inspectV141, inspectV150, one, text } from '../../../test/kit/image.js';
import { context } from '../../../test/kit/snapshot.js';
import { imageFromApi } from '../../collectors/adapters/image.js';
import check from './dangling-image.js';

describe('BH-IMG-010 dangling-image', () => {
  it.each([
    ['an unused leftover', 0, 'RepoTags is empty (<none>:<none>)'],
    [
      'one a stopped container still uses',
      2,
      'RepoTags is empty (<none>:<none>), still used by 2 container(s)',
    ],
  ])('fails for %s', (_name, containers, evidence) => {
    const img = imageFromApi(inspectV150({ top: { RepoTags: [] } }), [], containers);
    const o = one(check, img, context());
    expect(o.status).toBe('fail');
    expect(text(o)).toBe(evidence);
  });

  it('passes for a tagged image', () => {
    const o = one(check, imageFromApi(inspectV141(), [], 0), context());
    expect(o.status).toBe('pass');
    expect(text(o)).toBe('tagged nginx:1.21.6');
  });
});
