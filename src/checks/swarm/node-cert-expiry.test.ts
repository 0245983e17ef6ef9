import { describe, expect, it } from 'vitest';
import { outcome, swarmClusterJson, swarmFacts, swarmManagerDaemon } from '../../../test/kit/daemon.js';
import check from './node-cert-expiry.js';

const expiry = (ns: number) =>
  swarmFacts({ swarm: swarmClusterJson({ Spec: { CAConfig: { NodeCertExpiry: ns } } }) });
const DAY = 86_400e9;

describe('node-cert-expiry', () => {
  it.each([
    ['default 90 days', swarmFacts(), 'pass', /7776000000000000 ns \(90 days\)/],
    ['30 days', expiry(30 * DAY), 'pass', /30 days/],
    ['1 year', expiry(365 * DAY), 'fail', /365 days[\s\S]*longer than 90 days/],
  ] as const)('%s', (_n, swarm, status, text) => {
    const r = outcome(check, { daemon: swarmManagerDaemon(), swarm });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });
});
