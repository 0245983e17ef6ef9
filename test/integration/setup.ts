// vitest globalSetup for the integration project: starts the isolated test daemon
// (scripts/test-daemon.sh) once, hands its address to the tests, and stops it afterwards.
//
// Tests read the address with `inject('dockerHost')` (vitest's provide/inject: values given to
// `project.provide` here are serialised to every worker, whatever the pool). DOCKER_HOST is also set in
// this process for tools spawned from here, but workers should not rely on inherited env.
//
//   BULKHEAD_TEST_DOCKER_HOST=unix:///path.sock  use that daemon instead of starting one (no stop)
//   BULKHEAD_KEEP_DAEMON=1                        leave the started daemon running after the run
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** unix:///... address of the test daemon. */
    dockerHost: string;
  }
}

const script = fileURLToPath(new URL('../../scripts/test-daemon.sh', import.meta.url));

const runScript = (cmd: 'start' | 'stop' | 'env'): string =>
  execFileSync('bash', [script, cmd], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    // start may apt-get install docker.io on a fresh machine.
    timeout: 15 * 60_000,
  });

export default function setup(project: TestProject): (() => void) | undefined {
  const external = process.env.BULKHEAD_TEST_DOCKER_HOST;
  if (external) {
    process.env.DOCKER_HOST = external;
    project.provide('dockerHost', external);
    return undefined;
  }
  runScript('start');
  const m = /^export DOCKER_HOST=(\S+)$/m.exec(runScript('env'));
  if (!m?.[1]) throw new Error('scripts/test-daemon.sh env printed no DOCKER_HOST');
  process.env.DOCKER_HOST = m[1];
  project.provide('dockerHost', m[1]);
  return () => {
    if (process.env.BULKHEAD_KEEP_DAEMON === '1') return;
    runScript('stop');
  };
}
