import { describe, expect, it } from 'vitest';
import { daemonFacts, outcome } from '../../../test/kit/daemon.js';
import check from './authorization-plugin.js';

describe('authorization-plugin', () => {
  it.each([
    [
      '20.10 none (Authorization: null)',
      daemonFacts({ engine: '20.10' }),
      'fail',
      /authorization plugins = none \(GET \/info Plugins.Authorization\)/,
    ],
    ['29 none', daemonFacts(), 'fail', /none/],
    [
      'plugin',
      daemonFacts({
        engine: '28',
        info: { Plugins: { Authorization: ['openpolicyagent/opa-docker-authz-v2:0.9'] } },
      }),
      'pass',
      /opa-docker-authz/,
    ],
  ] as const)('%s', (_n, daemon, status, text) => {
    const r = outcome(check, { daemon });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });
});
