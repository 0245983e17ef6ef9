import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { daemonFacts, swarmFacts, swarmManagerDaemon } from '../../../test/kit/daemon.js';
import { settings, snapshot } from '../../../test/kit/snapshot.js';
import { runChecks } from '../../core/engine.js';
import { swarmChecks } from './index.js';

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));

describe('swarm checks registry', () => {
  it('has unique ids in BH-SWM-001..019, slugs matching files, filled metadata', () => {
    const ids = swarmChecks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of swarmChecks) {
      expect(c.id).toMatch(/^BH-SWM-0(0[1-9]|1\d)$/);
      expect(c.scope).toBe('swarm');
      expect(existsSync(here(`./${c.slug}.ts`))).toBe(true);
      expect(existsSync(here(`./${c.slug}.test.ts`))).toBe(true);
      expect(c.refs.some((r) => r.kind === 'cis' && r.id.startsWith('7.'))).toBe(true);
    }
  });

  it('reports nothing on a node without swarm (all not applicable)', () => {
    const snap = snapshot({ daemon: daemonFacts({ engine: '20.10' }), swarm: swarmFacts(), networks: [] });
    expect(runChecks(swarmChecks, snap, settings())).toEqual([]);
  });

  it('runs on a manager without crashing', () => {
    const snap = snapshot({ daemon: swarmManagerDaemon(), swarm: swarmFacts(), networks: [] });
    const results = runChecks(swarmChecks, snap, settings());
    expect(results.filter((r) => r.reason?.startsWith('check failed'))).toEqual([]);
    expect(results.map((r) => `${r.checkId}:${r.status}`)).toEqual([
      'BH-SWM-001:fail',
      'BH-SWM-002:fail',
      'BH-SWM-003:pass',
      'BH-SWM-004:pass',
      'BH-SWM-005:fail',
      'BH-SWM-006:pass',
      'BH-SWM-007:pass',
      'BH-SWM-008:fail',
    ]);
  });
});
