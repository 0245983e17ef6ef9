import { describe, expect, it } from 'vitest';
import { one, text } from '../../../test/kit/image.js';
import {
  CTR_A,
  CTR_B,
  defaultBridgeV141,
  ingressOverlay,
  networkFacts,
  userBridgeV141,
  userBridgeV147,
} from '../../../test/kit/network.js';
import { context } from '../../../test/kit/snapshot.js';
import { networkFromApi } from '../../collectors/adapters/image.js';
import check from './user-bridge-icc.js';

describe('BH-NET-001 user-bridge-icc', () => {
  it.each([
    [
      'compose network from API 1.41 (option unset)',
      networkFromApi(userBridgeV141()),
      'Options["com.docker.network.bridge.enable_icc"] is unset (ICC on by default); 2 containers attached',
    ],
    [
      'explicit true (API 1.47)',
      networkFromApi(
        userBridgeV147({
          Options: { 'com.docker.network.bridge.enable_icc': 'true' },
          Containers: { [CTR_A]: {}, [CTR_B]: {} },
        }),
      ),
      'Options["com.docker.network.bridge.enable_icc"] is "true"; 2 containers attached',
    ],
  ])('fails for %s', (_name, n, evidence) => {
    const o = one(check, n, context());
    expect(o.status).toBe('fail');
    expect(text(o)).toBe(evidence);
  });

  it.each([
    ['ICC disabled', networkFacts({ options: { 'com.docker.network.bridge.enable_icc': 'false' } })],
    ['a single container (API 1.47)', networkFromApi(userBridgeV147())],
    ['no containers', networkFacts({ containers: [] })],
  ])('passes for %s', (_name, n) => {
    expect(one(check, n, context()).status).toBe('pass');
  });

  it.each([
    ['default bridge', networkFromApi(defaultBridgeV141())],
    ['overlay', networkFromApi(ingressOverlay())],
    ['macvlan', networkFacts({ driver: 'macvlan' })],
  ])('is not applicable to the %s', (_name, n) => {
    expect(one(check, n, context()).status).toBe('n/a');
  });
});
