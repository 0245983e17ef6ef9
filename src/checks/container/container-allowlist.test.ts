import { describe, expect, it } from 'vitest';
import {
  containerFacts,
  evaluate,
  fromInspect,
  inspectV141,
  inspectV152,
  messages,
} from '../../../test/kit/inspect.js';
import check from './container-allowlist.js';

describe('BH-CTR-035 container-allowlist', () => {
  it.each([
    [
      'unexpected container (1.41)',
      fromInspect(inspectV141({ Name: '/xmrig', Config: { Image: 'xmrig/xmrig' } })),
      ['web', 'db-*'],
      'name "xmrig" (running, image xmrig/xmrig) matches no allowlist entry',
    ],
    [
      'glob that does not match (1.52)',
      fromInspect(inspectV152()),
      ['shop-*'],
      'name "web" (running, image nginx:1.27) matches no allowlist entry',
    ],
  ])('fails: %s', (_n, c, allow, evidence) => {
    const out = evaluate(check, c, {}, { containerAllowlist: allow });
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual([evidence]);
  });

  it.each([
    ['exact', containerFacts(), ['web'], 'name "web" matches allowlist entry "web"'],
    [
      'glob',
      containerFacts({ name: 'shop-db-1' }),
      ['shop-*-?'],
      'name "shop-db-1" matches allowlist entry "shop-*-?"',
    ],
  ])('passes: %s', (_n, c, allow, evidence) => {
    const out = evaluate(check, c, {}, { containerAllowlist: allow });
    expect(out[0]?.status).toBe('pass');
    expect(messages(out)).toEqual([evidence]);
  });

  it('is not applicable without an allowlist', () => {
    expect(evaluate(check, containerFacts())[0]?.status).toBe('n/a');
  });
});
