// Builds local fixture images and containers on the test daemon (no registry pulls are possible).
//
// Fixtures go through the docker CLI, not through bulkhead's client or dockerode: the code under test is
// then checked against an independent client, and the legacy builder (DOCKER_BUILDKIT=0) needs nothing but
// the CLI that scripts/test-daemon.sh installs with docker.io. Every object carries LABEL bulkhead.test=1 so
// cleanupLabelled() can remove exactly what the tests made.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const FIXTURE_LABEL = 'bulkhead.test=1';
export const FIXTURE_IMAGE = 'bulkhead-fixture:test';
const BUSYBOX_CANDIDATES = ['/bin/busybox', '/usr/bin/busybox'];

/** Runs `docker -H <host> ...args` and returns trimmed stdout; rejects with stderr in the message. */
export async function docker(
  host: string,
  args: string[],
  opts: { timeoutMs?: number } = {},
): Promise<string> {
  try {
    const { stdout } = await run('docker', ['-H', host, ...args], {
      env: { ...process.env, DOCKER_HOST: host, DOCKER_BUILDKIT: '0', DOCKER_CLI_HINTS: 'false' },
      timeout: opts.timeoutMs ?? 120_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout.trim();
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`docker ${args.join(' ')} failed: ${(e.stderr ?? e.message).trim()}`);
  }
}

export interface FixtureImageOptions {
  /** Default bulkhead-fixture:test. */
  tag?: string;
  /** USER instruction (image default user). */
  user?: string;
  /** HEALTHCHECK CMD-SHELL command. */
  healthcheck?: string;
  expose?: string[];
  /** Extra LABEL key=value pairs (bulkhead.test=1 is always set). */
  labels?: Record<string, string>;
}

/**
 * Builds a tiny FROM-scratch image holding a static busybox (with its applets linked into /bin) and
 * returns its id. The build has COPY and RUN steps so the image has a real history.
 */
export async function buildFixtureImage(host: string, opts: FixtureImageOptions = {}): Promise<string> {
  const busybox = BUSYBOX_CANDIDATES.find((p) => existsSync(p));
  if (!busybox) throw new Error('no static busybox found; install busybox-static');
  const tag = opts.tag ?? FIXTURE_IMAGE;
  const dir = await mkdtemp(join(tmpdir(), 'bulkhead-fixture-'));
  try {
    await copyFile(busybox, join(dir, 'busybox'));
    const labels = { 'bulkhead.test': '1', ...(opts.labels ?? {}) };
    const lines = [
      'FROM scratch',
      'COPY busybox /bin/busybox',
      'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
      `LABEL ${Object.entries(labels)
        .map(([k, v]) => `${JSON.stringify(k)}=${JSON.stringify(v)}`)
        .join(' ')}`,
      ...(opts.expose?.length ? [`EXPOSE ${opts.expose.join(' ')}`] : []),
      ...(opts.healthcheck ? [`HEALTHCHECK --interval=30s CMD ${opts.healthcheck}`] : []),
      ...(opts.user ? [`USER ${opts.user}`] : []),
      'CMD ["/bin/sh"]',
    ];
    await writeFile(join(dir, 'Dockerfile'), `${lines.join('\n')}\n`);
    await docker(host, ['build', '-q', '--rm', '-t', tag, dir], { timeoutMs: 300_000 });
    return await docker(host, ['image', 'inspect', '--format', '{{.Id}}', tag]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface FixtureContainerOptions {
  name: string;
  /** Default bulkhead-fixture:test. */
  image?: string;
  /** created = never started; running = started; exited = started and waited for. */
  state: 'created' | 'running' | 'exited';
  /** Command; defaults to a long sleep for running containers and `true` otherwise. */
  cmd?: string[];
  /** Extra `docker create` flags, e.g. ['--read-only', '--cap-drop', 'ALL']. */
  args?: string[];
  labels?: Record<string, string>;
}

/** Creates a labelled container in the requested state and returns its id. */
export async function createContainer(host: string, opts: FixtureContainerOptions): Promise<string> {
  const cmd = opts.cmd ?? (opts.state === 'running' ? ['sleep', '3600'] : ['true']);
  const labelArgs = Object.entries({ 'bulkhead.test': '1', ...(opts.labels ?? {}) }).flatMap(([k, v]) => [
    '--label',
    `${k}=${v}`,
  ]);
  const id = await docker(host, [
    'create',
    '--name',
    opts.name,
    ...labelArgs,
    ...(opts.args ?? []),
    opts.image ?? FIXTURE_IMAGE,
    ...cmd,
  ]);
  if (opts.state !== 'created') await docker(host, ['start', id]);
  if (opts.state === 'exited') await docker(host, ['wait', id]);
  return id;
}

/** Starts a detached exec session in a running container (so it shows in ExecIDs). */
export async function startExec(
  host: string,
  container: string,
  cmd: string[],
  args: string[] = [],
): Promise<void> {
  await docker(host, ['exec', '-d', ...args, container, ...cmd]);
}

/** Creates a labelled user-defined network and returns its id. */
export async function createNetwork(host: string, name: string, args: string[] = []): Promise<string> {
  return docker(host, ['network', 'create', '--label', FIXTURE_LABEL, ...args, name]);
}

const lines = (s: string): string[] => s.split('\n').filter((l) => l.trim() !== '');

/** Removes every container, network, volume and image labelled bulkhead.test=1. */
export async function cleanupLabelled(host: string): Promise<void> {
  const filter = ['--filter', `label=${FIXTURE_LABEL}`];
  const containers = lines(await docker(host, ['ps', '-aq', ...filter]));
  if (containers.length) await docker(host, ['rm', '-f', '-v', ...containers]);
  const networks = lines(await docker(host, ['network', 'ls', '-q', ...filter]));
  if (networks.length) await docker(host, ['network', 'rm', ...networks]);
  const volumes = lines(await docker(host, ['volume', 'ls', '-q', ...filter]));
  if (volumes.length) await docker(host, ['volume', 'rm', '-f', ...volumes]);
  // Top-level images only: removing them removes their untagged build parents too (which `-a` would list
  // and which cannot be removed while a child exists).
  const images = [...new Set(lines(await docker(host, ['images', '-q', ...filter])))];
  if (images.length) await docker(host, ['rmi', '-f', ...images]);
}
