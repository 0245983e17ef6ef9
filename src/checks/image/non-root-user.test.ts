import { describe, expect, it } from 'vitest';
import { imageFacts, inspectV141, inspectV150, one, text } from '../../../test/kit/image.js';
import { context } from '../../../test/kit/snapshot.js';
import { imageFromApi } from '../../collectors/adapters/image.js';
import check from './non-root-user.js';

describe('BH-IMG-001 non-root-user', () => {
  it.each([
    ['empty (image default)', '', 'Config.User is empty: containers run as root by default'],
    ['root', 'root', 'Config.User is "root" (uid 0)'],
    ['0', '0', 'Config.User is "0" (uid 0)'],
    ['0:0', '0:0', 'Config.User is "0:0" (uid 0)'],
    ['root with a group', 'root:wheel', 'Config.User is "root:wheel" (uid 0)'],
  ])('fails for %s', (_name, user, evidence) => {
    const o = one(check, imageFacts({ user }), context());
    expect(o.status).toBe('fail');
    expect(text(o)).toBe(evidence);
  });

  it.each([['nginx'], ['10001'], ['10001:10001'], ['app:0'], ['1000']])('passes for %s', (user) => {
    const o = one(check, imageFacts({ user }), context());
    expect(o.status).toBe('pass');
    expect(text(o)).toContain(user);
  });

  it('judges adapter output of both engine generations', () => {
    expect(one(check, imageFromApi(inspectV141(), [], 0), context()).status).toBe('fail');
    expect(one(check, imageFromApi(inspectV150(), [], 0), context()).status).toBe('pass');
    expect(one(check, imageFromApi(inspectV150({ config: null }), [], 0), context()).status).toBe('fail');
  });
});
