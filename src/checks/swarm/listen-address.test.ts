import { describe, expect, it } from 'vitest';
import {
  daemonFacts,
  daemonHost,
  listener,
  outcome,
  swarmFacts,
  swarmManagerDaemon,
  swarmStateJson,
} from '../../../test/kit/daemon.js';
import check from './listen-address.js';

describe('listen-address', () => {
  it.each([
    [
      'default 0.0.0.0:2377',
      swarmStateJson(),
      'fail',
      /swarm ListenAddr = 0.0.0.0:2377 \(docker-state.json\): every address/,
    ],
    ['[::]:2377', swarmStateJson({ ListenAddr: '[::]:2377' }), 'fail', /\[::\]:2377/],
    ['specific address', swarmStateJson({ ListenAddr: '10.0.0.5:2377' }), 'pass', /10.0.0.5:2377/],
  ] as const)('%s', (_n, state, status, text) => {
    const r = outcome(check, { daemon: swarmManagerDaemon(), swarm: swarmFacts({ state }) });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });

  it('falls back to dockerd listeners on the swarm ports', () => {
    const swarm = swarmFacts({ state: undefined });
    const wide = outcome(check, {
      daemon: swarmManagerDaemon(),
      swarm,
      host: daemonHost({ listeners: [listener('::', 2377), listener('::', 7946)] }),
    });
    expect(wide.status).toBe('fail');
    expect(wide.text).toMatch(/every address: \[::\]:2377/);
    const bound = outcome(check, {
      daemon: swarmManagerDaemon(),
      swarm,
      host: daemonHost({ listeners: [listener('10.0.0.5', 2377)] }),
    });
    expect(bound.status).toBe('pass');
  });

  it('is unknown without the state file or listeners, n/a without swarm', () => {
    expect(
      outcome(check, { daemon: swarmManagerDaemon(), swarm: swarmFacts({ state: undefined }) }).status,
    ).toBe('unknown');
    expect(outcome(check, { daemon: daemonFacts() }).status).toBe('n/a');
  });
});
