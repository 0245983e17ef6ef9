import { describe, expect, it } from 'vitest';
import { daemonFacts, outcome } from '../../../test/kit/daemon.js';
import check from './insecure-registries.js';

describe('insecure-registries', () => {
  it.each([
    ['20.10 defaults only', daemonFacts({ engine: '20.10' }), 'pass', /none/],
    ['29 defaults only (::1/128, 127.0.0.0/8)', daemonFacts({ engine: '29' }), 'pass', /none/],
    [
      'CIDR',
      daemonFacts({
        info: { RegistryConfig: { InsecureRegistryCIDRs: ['::1/128', '127.0.0.0/8', '10.20.0.0/16'] } },
      }),
      'fail',
      /= 10.20.0.0\/16 \(GET \/info RegistryConfig\)/,
    ],
    [
      'hostname',
      daemonFacts({
        engine: '20.10',
        info: {
          RegistryConfig: {
            IndexConfigs: { 'registry.lan:5000': { Name: 'registry.lan:5000', Secure: false } },
          },
        },
      }),
      'fail',
      /registry.lan:5000/,
    ],
  ] as const)('%s', (_n, daemon, status, text) => {
    const r = outcome(check, { daemon });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });
});
