import { describe, expect, it } from 'vitest';
import { input } from '../../test/fixtures/harden/kit.js';
import { daemonFacts } from '../../test/kit/daemon.js';
import { hostSnapshot } from '../../test/kit/host.js';
import { containerFacts } from '../../test/kit/inspect.js';
import { UsageError } from '../core/errors.js';
import { parseAreas } from './index.js';
import { describePlan, generateHardening, renderReadme } from './plan.js';

const snap = () =>
  hostSnapshot(
    { audit: { source: 'auditctl', rules: [] } },
    { daemon: daemonFacts(), containers: [containerFacts()] },
  );

describe('generateHardening', () => {
  it.each([
    [['daemon'], ['daemon']],
    [
      ['audit', 'containers'],
      ['audit', 'containers'],
    ],
    [[], ['daemon', 'audit', 'firewall', 'containers']],
  ] as const)('--only %j generates %j', (only, areas) => {
    const plan = generateHardening(input(snap()), { only, allowSource: ['10.0.0.0/8'] });
    expect([...new Set(plan.files.map((f) => f.area))]).toEqual(areas);
  });

  it('prints every file with the reasons for its settings, and the README says the same', () => {
    const plan = generateHardening(input(snap()), { only: ['daemon'] });
    const text = describePlan(plan);
    expect(text).toMatch(/^==> daemon.json -> \/etc\/docker\/daemon.json \(0600\) <==\n\{/);
    expect(text).toMatch(
      /--- why\n {2}"userland-proxy": false\n {6}Published ports are forwarded .*\[BH-DMN-016\]/,
    );
    expect(renderReadme(plan, 'unix:///var/run/docker.sock')).toContain(
      '- `"userland-proxy": false`: Published ports are forwarded',
    );
  });

  it('parses --only areas', () => {
    expect(parseAreas(['daemon', 'audit', 'daemon'])).toEqual(['daemon', 'audit']);
    expect(() => parseAreas(['kernel'])).toThrow(UsageError);
  });
});
