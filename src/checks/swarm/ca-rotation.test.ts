import { describe, expect, it } from 'vitest';
import {
  outcome,
  SWARM_CA_2024,
  swarmClusterJson,
  swarmFacts,
  swarmManagerDaemon,
} from '../../../test/kit/daemon.js';
import check from './ca-rotation.js';

describe('ca-rotation', () => {
  it.each([
    [
      'CA issued at swarm creation, 180 days ago',
      swarmFacts(),
      'pass',
      /root CA certificate issued 2026-06-01T10:00:00.000Z \(180 days ago\), valid until 2046-05-27T10:00:00.000Z/,
    ],
    [
      'CA issued in 2024',
      swarmFacts({ swarm: swarmClusterJson({ TLSInfo: { TrustRoot: SWARM_CA_2024 } }) }),
      'fail',
      /issued 2024-01-15T08:00:00.000Z \(1048 days ago\)[\s\S]*not rotated for more than 365 days/,
    ],
    [
      'no certificate, old swarm',
      swarmFacts({ swarm: swarmClusterJson({ CreatedAt: '2024-01-15T08:00:00Z', TLSInfo: null }) }),
      'fail',
      /swarm created 2024-01-15T08:00:00Z[\s\S]*confirm the root CA has been rotated/,
    ],
    [
      'unparsable certificate, recent swarm',
      swarmFacts({ swarm: swarmClusterJson({ TLSInfo: { TrustRoot: 'not a certificate' } }) }),
      'pass',
      /swarm created 2026-06-01T10:00:00.000000000Z \(180 days ago\)/,
    ],
    [
      'rotation in progress',
      swarmFacts({
        swarm: swarmClusterJson({ TLSInfo: { TrustRoot: SWARM_CA_2024 }, RootRotationInProgress: true }),
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
