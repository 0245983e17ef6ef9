import { describe, expect, it } from 'vitest';
import { one, text } from '../../../test/kit/image.js';
import { networkFacts, userBridgeV141, userBridgeV147 } from '../../../test/kit/network.js';
import { context } from '../../../test/kit/snapshot.js';
import { networkFromApi } from '../../collectors/adapters/image.js';
import check from './ipv6-enabled.js';

describe('BH-NET-004 ipv6-enabled', () => {
  it.each([
    [
      'ULA subnet (API 1.47)',
      networkFromApi(userBridgeV147()),
      'EnableIPv6 is true, subnets fd00:dead:beef::/64; 1 container attached',
    ],
    [
      'global prefix',
      networkFacts({ enableIPv6: true, subnets: ['172.18.0.0/16', '2001:db8:1::/64'] }),
      'EnableIPv6 is true, subnets 2001:db8:1::/64 (globally routable prefix); 2 containers attached',
    ],
  ])('fails for %s', (_name, n, evidence) => {
    const o = one(check, n, context());
    expect(o.status).toBe('fail');
    expect(text(o)).toBe(evidence);
  });

  it('passes when IPv6 is off', () => {
    expect(one(check, networkFromApi(userBridgeV141()), context()).status).toBe('pass');
  });
});
