import { describe, expect, it } from 'vitest';
import { imageFacts, inspectV141, one, text } from '../../../test/kit/image.js';
import { context } from '../../../test/kit/snapshot.js';
import { imageFromApi } from '../../collectors/adapters/image.js';
import check from './unused-image.js';

describe('BH-IMG-009 unused-image', () => {
  it('fails when no container uses the image', () => {
    const o = one(check, imageFromApi(inspectV141(), [], 0), context());
    expect(o.status).toBe('fail');
    expect(text(o)).toBe('no container (running or stopped) uses this image');
  });

  it.each([
    [1, 'used by 1 container'],
    [3, 'used by 3 containers'],
  ])('passes when %i container(s) use it', (containers, evidence) => {
    const o = one(check, imageFacts({ containers }), context());
    expect(o.status).toBe('pass');
    expect(text(o)).toBe(evidence);
  });
});
