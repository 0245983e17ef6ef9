import { describe, expect, it } from 'vitest';
import {
  daemonFacts,
  outcome,
  swarmClusterJson,
  swarmFacts,
  swarmManagerDaemon,
} from '../../../test/kit/daemon.js';
import { swarmFromApi } from '../../collectors/adapters/daemon.js';
import check from './autolock.js';

describe('autolock', () => {
  it.each([
    ['default off', swarmFacts(), 'fail', /AutoLockManagers = false/],
    [
      'on',
      swarmFacts({ swarm: swarmClusterJson({ Spec: { EncryptionConfig: { AutoLockManagers: true } } }) }),
      'pass',
      /AutoLockManagers = true/,
    ],
    ['spec missing', swarmFromApi({}), 'unknown', /not available/],
  ] as const)('%s', (_n, swarm, status, text) => {
    const r = outcome(check, { daemon: swarmManagerDaemon(), swarm });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });

  it('does not apply without swarm', () => {
    expect(outcome(check, { daemon: daemonFacts({ engine: '20.10' }), swarm: swarmFromApi({}) }).status).toBe(
      'n/a',
    );
  });
});
