import { describe, expect, it } from 'vitest';
import { outcome, swarmClusterJson, swarmFacts, swarmManagerDaemon } from '../../../test/kit/daemon.js';
import check from './ca-rotation.js';

describe('ca-rotation', () => {
  it.each([
    ['recent swarm', swarmFacts(), 'pass', /swarm created 2026-06-01T10:00:00.000000000Z \(180 days ago\)/],
    [
      'old swarm',
      swarmFacts({ swarm: swarmClusterJson({ CreatedAt: '2024-01-15T08:00:00Z' }) }),
      'fail',
      /older than 365 days: confirm the root CA has been rotated/,
    ],
    [
      'rotation in progress',
      swarmFacts({
        swarm: swarmClusterJson({ CreatedAt: '2020-01-01T00:00:00Z', RootRotationInProgress: true }),
      }),
      'pass',
      /RootRotationInProgress = true/,
    ],
  ] as const)('%s', (_n, swarm, status, text) => {
    const r = outcome(check, { daemon: swarmManagerDaemon(), swarm });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });
});
