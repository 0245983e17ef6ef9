import { describe, expect, it } from 'vitest';
import { daemonFacts, outcome, swarmManagerDaemon } from '../../../test/kit/daemon.js';
import check from './manager-count.js';

describe('manager-count', () => {
  it.each([
    [
      '1 manager, 3 nodes',
      { Managers: 1, Nodes: 3 },
      'fail',
      /1 manager\(s\) in a 3-node swarm[\s\S]*single point of failure/,
    ],
    ['1 manager, single node', { Managers: 1, Nodes: 1 }, 'pass', /1 manager\(s\) in a 1-node swarm/],
    ['2 managers', { Managers: 2, Nodes: 4 }, 'fail', /even number/],
    ['3 managers', { Managers: 3, Nodes: 10 }, 'pass', /3 manager\(s\)/],
    ['9 managers', { Managers: 9, Nodes: 20 }, 'fail', /more than 7/],
  ] as const)('%s', (_n, swarm, status, text) => {
    const r = outcome(check, { daemon: swarmManagerDaemon(swarm) });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });

  it('does not apply when swarm is inactive or on a worker', () => {
    expect(outcome(check, { daemon: daemonFacts({ engine: '20.10' }) }).status).toBe('n/a');
    expect(
      outcome(check, { daemon: swarmManagerDaemon({ ControlAvailable: false, Cluster: null }) }).status,
    ).toBe('n/a');
  });
});
