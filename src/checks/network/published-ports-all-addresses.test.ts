import { describe, expect, it } from 'vitest';
import { one, text } from '../../../test/kit/image.js';
import {
  defaultBridgeV141,
  ingressOverlay,
  userBridgeV141,
  userBridgeV147,
} from '../../../test/kit/network.js';
import { context } from '../../../test/kit/snapshot.js';
import { networkFromApi } from '../../collectors/adapters/image.js';
import check from './published-ports-all-addresses.js';

describe('BH-NET-003 published-ports-all-addresses', () => {
  it.each([
    [
      'default bridge (API 1.41, 0.0.0.0)',
      networkFromApi(defaultBridgeV141()),
      'Options["com.docker.network.bridge.host_binding_ipv4"] is "0.0.0.0" (1 container)',
    ],
    [
      'compose network (unset)',
      networkFromApi(userBridgeV141()),
      'Options["com.docker.network.bridge.host_binding_ipv4"] is unset: ports published without an address bind to 0.0.0.0 (2 containers)',
    ],
  ])('fails for %s', (_name, n, evidence) => {
    const o = one(check, n, context());
    expect(o.status).toBe('fail');
    expect(text(o)).toBe(evidence);
  });

  it('passes when bound to a chosen address (API 1.47)', () => {
    const o = one(check, networkFromApi(userBridgeV147()), context());
    expect(o.status).toBe('pass');
    expect(text(o)).toContain('"127.0.0.1"');
  });

  it.each([
    ['non-bridge drivers', networkFromApi(ingressOverlay())],
    ['internal networks', networkFromApi(userBridgeV141({ Internal: true }))],
  ])('is not applicable to %s', (_name, n) => {
    expect(one(check, n, context()).status).toBe('n/a');
  });
});
