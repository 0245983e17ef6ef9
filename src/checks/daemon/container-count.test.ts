import { describe, expect, it } from 'vitest';
import { outcome } from '../../../test/kit/daemon.js';
import type { ContainerFacts } from '../../facts/container.js';
import check from './container-count.js';

const containers = (n: number, running: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      ({ id: `c${i}`, name: `app-${i}`, state: i < running ? 'running' : 'exited' }) as ContainerFacts,
  );

describe('container-count', () => {
  it.each([
    [5, 3, 100, 'pass', /5 containers \(3 running, 2 not running\); limit 100/],
    [
      120,
      100,
      100,
      'fail',
      /120 containers \(100 running, 20 not running\); limit 100 \(settings.maxContainers\)/,
    ],
    [11, 0, 10, 'fail', /11 containers/],
    [10, 10, 10, 'pass', /10 containers/],
  ] as const)('%i containers (%i running), max %i', (n, running, max, status, text) => {
    const r = outcome(check, { containers: containers(n, running) }, { maxContainers: max });
    expect(r.status).toBe(status);
    expect(r.text).toMatch(text);
  });
});
