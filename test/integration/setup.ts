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
    /** tcp://127.0.0.1:PORT where the same daemon listens with --tlsverify, and the client cert dir. */
    dockerTls: { host: string; certPath: string } | null;
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
    const tlsHost = process.env.BULKHEAD_TEST_TLS_HOST;
    const certPath = process.env.BULKHEAD_TEST_CERT_PATH;
    project.provide('dockerTls', tlsHost && certPath ? { host: tlsHost, certPath } : null);
    return undefined;
  }
  runScript('start');
  const env = runScript('env');
  const value = (name: string): string | undefined =>
    new RegExp(`^export ${name}=(\\S+)$`, 'm').exec(env)?.[1];
  const host = value('DOCKER_HOST');
  if (!host) throw new Error('scripts/test-daemon.sh env printed no DOCKER_HOST');
  process.env.DOCKER_HOST = host;
  project.provide('dockerHost', host);
  const tlsHost = value('BULKHEAD_TEST_TLS_HOST');
  const certPath = value('BULKHEAD_TEST_CERT_PATH');
  if (!tlsHost || !certPath) throw new Error('scripts/test-daemon.sh env printed no TLS endpoint');
  project.provide('dockerTls', { host: tlsHost, certPath });
  return () => {
    if (process.env.BULKHEAD_KEEP_DAEMON === '1') return;
    runScript('stop');
  };
}
