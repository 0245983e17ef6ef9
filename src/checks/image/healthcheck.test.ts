import { describe, expect, it } from 'vitest';
import { imageFacts, inspectV141, inspectV150, one, text } from '../../../test/kit/image.js';
import { context } from '../../../test/kit/snapshot.js';
import { imageFromApi } from '../../collectors/adapters/image.js';
import check from './healthcheck.js';

describe('BH-IMG-002 healthcheck', () => {
  it('fails when no healthcheck is set', () => {
    const { healthcheck: _h, ...noHealth } = imageFacts();
    const o = one(check, noHealth, context());
    expect(o.status).toBe('fail');
    expect(text(o)).toBe('Config.Healthcheck is not set');
  });

  it('fails when the healthcheck is disabled with NONE', () => {
    const o = one(check, imageFacts({ healthcheck: { test: ['NONE'] } }), context());
    expect(o.status).toBe('fail');
    expect(text(o)).toContain('["NONE"]');
  });

  it.each([
    [['CMD-SHELL', 'curl -f http://localhost/ || exit 1']],
    [['CMD', '/healthcheck', '--port', '8080']],
  ])('passes for %j', (test) => {
    const o = one(check, imageFacts({ healthcheck: { test } }), context());
    expect(o.status).toBe('pass');
    expect(text(o)).toContain(test[1]!);
  });

  it('judges adapter output of both engine generations', () => {
    expect(one(check, imageFromApi(inspectV141(), [], 1), context()).status).toBe('fail');
    const withHc = inspectV150({ config: { Healthcheck: { Test: ['CMD', 'node', 'health.js'] } } });
    expect(one(check, imageFromApi(withHc, [], 1), context()).status).toBe('pass');
    const disabled = inspectV141({ config: { Healthcheck: { Test: ['NONE'] } } });
    expect(one(check, imageFromApi(disabled, [], 1), context()).status).toBe('fail');
  });
});
