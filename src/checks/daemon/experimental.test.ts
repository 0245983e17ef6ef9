import { describe, expect, it } from 'vitest';
import { daemonFacts, outcome } from '../../../test/kit/daemon.js';
import check from './experimental.js';

describe('experimental', () => {
  it.each([
    [
      'off',
      daemonFacts({ engine: '20.10' }),
      'pass',
      /experimental = false \(GET \/info ExperimentalBuild\)/,
    ],
    ['on', daemonFacts({ engine: '29', info: { ExperimentalBuild: true } }), 'fail', /experimental = true/],
  ] as const)('%s', (_n, daemon, status, text) => {
    const r = outcome(check, { daemon });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });
});
