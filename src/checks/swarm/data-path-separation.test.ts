import { describe, expect, it } from 'vitest';
import {
  daemonFacts,
  outcome,
  swarmFacts,
  swarmManagerDaemon,
  swarmStateJson,
} from '../../../test/kit/daemon.js';
import check from './data-path-separation.js';

describe('data-path-separation', () => {
  it.each([
    [
      'no data-path addr',
      swarmStateJson(),
      'fail',
      /no --data-path-addr: data traffic uses the advertise address 10.0.0.5/,
    ],
    [
      'same as advertise',
      swarmStateJson({ DataPathAddr: '10.0.0.5' }),
      'fail',
      /data-path address 10.0.0.5 equals the advertise address 10.0.0.5/,
    ],
    [
      'separate',
      swarmStateJson({ DataPathAddr: '192.168.50.5' }),
      'pass',
      /data-path address 192.168.50.5, advertise address 10.0.0.5/,
    ],
  ] as const)('%s', (_n, state, status, text) => {
    const r = outcome(check, { daemon: swarmManagerDaemon(), swarm: swarmFacts({ state }) });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });

  it('is unknown without the state file and n/a without swarm', () => {
    expect(
      outcome(check, { daemon: swarmManagerDaemon(), swarm: swarmFacts({ state: undefined }) }).status,
    ).toBe('unknown');
    expect(outcome(check, { daemon: daemonFacts() }).status).toBe('n/a');
  });
});
