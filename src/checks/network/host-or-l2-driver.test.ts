import { describe, expect, it } from 'vitest';
import { one, text } from '../../../test/kit/image.js';
import { CTR_A, networkFacts, userBridgeV141 } from '../../../test/kit/network.js';
import { context } from '../../../test/kit/snapshot.js';
import { networkFromApi } from '../../collectors/adapters/image.js';
import check from './host-or-l2-driver.js';

describe('BH-NET-005 host-or-l2-driver', () => {
  it.each([
    [
      'macvlan on eth0',
      networkFacts({ name: 'lan', driver: 'macvlan', options: { parent: 'eth0' }, containers: [CTR_A] }),
      'Driver is macvlan on parent interface eth0; 1 container attached: 4f1c0a9e2b3d',
    ],
    [
      'host network',
      networkFacts({ name: 'host', driver: 'host', subnets: [], containers: [CTR_A] }),
      'Driver is host; 1 container attached: 4f1c0a9e2b3d',
    ],
  ])('fails for %s', (_name, n, evidence) => {
    const o = one(check, n, context());
    expect(o.status).toBe('fail');
    expect(text(o)).toBe(evidence);
  });

  it('passes for an empty ipvlan network', () => {
    expect(one(check, networkFacts({ driver: 'ipvlan', containers: [] }), context()).status).toBe('pass');
  });

  it('is not applicable to bridge networks', () => {
    expect(one(check, networkFromApi(userBridgeV141()), context()).status).toBe('n/a');
  });
});
