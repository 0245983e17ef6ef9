import { describe, expect, it } from 'vitest';
import { daemonFacts, outcome, swarmInfoJson } from '../../../test/kit/daemon.js';
import check from './swarm-mode.js';

describe('swarm-mode', () => {
  it.each([
    ['inactive (20.10)', daemonFacts({ engine: '20.10' }), 'pass', /inactive/],
    [
      'manager',
      daemonFacts({ info: { Swarm: swarmInfoJson() } }),
      'fail',
      /= active \(this node is a manager in a 3-node swarm\)/,
    ],
    [
      'worker',
      daemonFacts({
        engine: '28',
        info: {
          Swarm: {
            NodeID: 'x',
            NodeAddr: '10.0.0.6',
            LocalNodeState: 'active',
            ControlAvailable: false,
            Nodes: 0,
            Managers: 0,
          },
        },
      }),
      'fail',
      /worker/,
    ],
  ] as const)('%s', (_n, daemon, status, text) => {
    const r = outcome(check, { daemon });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });
});
