import { describe, expect, it } from 'vitest';
import { imageFacts, inspectV141, one, text } from '../../../test/kit/image.js';
import { context } from '../../../test/kit/snapshot.js';
import { imageFromApi } from '../../collectors/adapters/image.js';
import check from './stale-image.js';

describe('BH-IMG-011 stale-image', () => {
  it('fails for an unused image older than the limit (API 1.41 image from 2022)', () => {
    const o = one(check, imageFromApi(inspectV141(), [], 0), context());
    expect(o.status).toBe('fail');
    expect(text(o)).toBe('unused, created 2022-03-01 (1733 days ago, limit 90)');
  });

  it('honours staleImageDays', () => {
    const img = imageFacts({ containers: 0, created: '2026-10-02T08:14:55Z' });
    expect(one(check, img, context()).status).toBe('pass');
    const o = one(check, img, context({}, { staleImageDays: 30 }));
    expect(o.status).toBe('fail');
    expect(text(o)).toBe('unused, created 2026-10-02 (57 days ago, limit 30)');
  });

  it.each([
    ['used old image', imageFacts({ containers: 1, created: '2020-01-01T00:00:00Z' }), 'pass'],
    ['reproducible build epoch', imageFacts({ containers: 0, created: '1970-01-01T00:00:00Z' }), 'unknown'],
    ['zero time', imageFacts({ containers: 0, created: '0001-01-01T00:00:00Z' }), 'unknown'],
    ['garbage time', imageFacts({ containers: 0, created: 'yesterday' }), 'unknown'],
  ])('%s -> %s', (_name, img, status) => {
    expect(one(check, img, context()).status).toBe(status);
  });
});
