import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { daemonFacts, daemonHost } from '../../../test/kit/daemon.js';
import { settings, snapshot } from '../../../test/kit/snapshot.js';
import { runChecks } from '../../core/engine.js';
import { daemonChecks } from './index.js';

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));

describe('daemon checks registry', () => {
  it('has unique ids in the daemon ranges, slugs matching files, filled metadata', () => {
    const ids = daemonChecks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of daemonChecks) {
      expect(c.id).toMatch(/^BH-(DMN-0\d\d|API-0(0\d|1\d)|ENG-0(0\d|1\d))$/);
      expect(c.scope).toBe('daemon');
      expect(existsSync(here(`./${c.slug}.ts`))).toBe(true);
      expect(existsSync(here(`./${c.slug}.test.ts`))).toBe(true);
      expect(c.title.length).toBeGreaterThan(10);
      expect(c.rationale.length).toBeGreaterThan(20);
      expect(c.remediation.length).toBeGreaterThan(20);
      expect(c.refs.length).toBeGreaterThan(0);
      expect(c.facts.length).toBeGreaterThan(0);
    }
  });

  it.each(['20.10', '28', '29'] as const)('runs over a Docker %s snapshot without crashing', (engine) => {
    const snap = snapshot({ daemon: daemonFacts({ engine }), host: daemonHost(), containers: [] });
    const results = runChecks(daemonChecks, snap, settings());
    expect(results.filter((r) => r.reason?.startsWith('check failed'))).toEqual([]);
    expect(results.length).toBeGreaterThan(20);
  });
});
