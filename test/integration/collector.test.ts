// The Docker collector against a real daemon (scripts/test-daemon.sh, started by test/integration/setup.ts).
// The docker CLI is the oracle: what it reports is what the collector must have seen.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  collectDocker,
  connect,
  type DockerFacts,
  type EngineClient,
  MAX_API_VERSION,
  resolveConnection,
} from '../../src/collectors/docker/index.js';
import type { FactKey } from '../../src/core/model.js';
import {
  buildFixtureImage,
  cleanupLabelled,
  createContainer,
  createNetwork,
  docker,
  FIXTURE_IMAGE,
  startExec,
} from '../kit/fixtures.js';

const host = inject('dockerHost');
const ALL: FactKey[] = ['daemon', 'containers', 'images', 'networks', 'swarm'];
const USER_IMAGE = 'bulkhead-fixture:user';

interface Made {
  baseImage: string;
  userImage: string;
  network: string;
  created: string;
  running: string;
  exited: string;
  userCtr: string;
}

let made: Made;
let client: EngineClient;
let facts: DockerFacts;

/** Wraps a client to count calls per method. */
function counting(inner: EngineClient): { client: EngineClient; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const client = new Proxy(inner, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        calls.set(String(prop), (calls.get(String(prop)) ?? 0) + 1);
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { client, calls };
}

beforeAll(async () => {
  await cleanupLabelled(host);
  const baseImage = await buildFixtureImage(host);
  const userImage = await buildFixtureImage(host, {
    tag: USER_IMAGE,
    user: '1000:1000',
    healthcheck: 'true',
    expose: ['8080/tcp'],
  });
  const network = await createNetwork(host, 'bh-it-net', ['--internal']);
  const created = await createContainer(host, { name: 'bh-it-created', state: 'created' });
  const running = await createContainer(host, {
    name: 'bh-it-running',
    state: 'running',
    cmd: ['sleep', '3600'],
    args: ['--read-only', '--cap-drop', 'ALL', '--env', 'FOO=bar', '--network', 'bh-it-net'],
    labels: { role: 'running' },
  });
  await startExec(host, 'bh-it-running', ['sleep', '1800'], ['--user', '0']);
  const exited = await createContainer(host, {
    name: 'bh-it-exited',
    state: 'exited',
    cmd: ['sh', '-c', 'exit 3'],
  });
  const userCtr = await createContainer(host, { name: 'bh-it-user', state: 'created', image: USER_IMAGE });
  made = { baseImage, userImage, network, created, running, exited, userCtr };

  client = await connect(resolveConnection({ host }, {}), { timeoutMs: 15_000 });
  facts = await collectDocker(client, new Set(ALL));
});

afterAll(async () => {
  if (made) await cleanupLabelled(host);
});

describe('connect', () => {
  it('negotiates min(daemon API, MAX_API_VERSION)', async () => {
    const server = await docker(host, ['version', '--format', '{{.Server.APIVersion}}']);
    const [sm = 0, sn = 0] = server.split('.').map(Number);
    const [mm = 0, mn = 0] = MAX_API_VERSION.split('.').map(Number);
    const expected = sm * 1000 + sn <= mm * 1000 + mn ? server : MAX_API_VERSION;
    expect(client.apiVersion).toBe(expected);
    expect(await client.ping()).toBe('OK');
  });

  it('fails with a one-line TargetError naming the socket when nothing listens there', async () => {
    const missing = 'unix:///tmp/bulkhead-no-such-dir/docker.sock';
    const err = await connect(resolveConnection({ host: missing }, {}), { timeoutMs: 2000 }).catch((e) => e);
    expect(err.name).toBe('EngineRequestError');
    expect(err.message).toBe(
      `cannot connect to ${missing}: /tmp/bulkhead-no-such-dir/docker.sock does not exist`,
    );
    expect(err.message).not.toContain('\n');
    expect(err.hint).toMatch(/is dockerd running\?/);
  });
});

describe('collectDocker against the test daemon', () => {
  it('collects without gaps or warnings; swarm facts come from /info on an inactive node', () => {
    expect(facts.gaps).toEqual({});
    expect(facts.warnings).toEqual([]);
    expect(facts.swarm).toMatchObject({ nodes: [], services: [], secrets: [] });
    expect(facts.daemon?.info.swarm.localNodeState).toBe('inactive');
  });

  it('reads the daemon version, info, connection and default bridge', async () => {
    const d = facts.daemon!;
    const [version, rootDir, bridgeName] = await Promise.all([
      docker(host, ['version', '--format', '{{.Server.Version}}']),
      docker(host, ['info', '--format', '{{.DockerRootDir}}']),
      docker(host, [
        'network',
        'inspect',
        'bridge',
        '--format',
        '{{index .Options "com.docker.network.bridge.name"}}',
      ]),
    ]);
    expect(d.version.version).toBe(version);
    expect(d.info.dockerRootDir).toBe(rootDir);
    expect(d.info.swarm.localNodeState).toBe('inactive');
    expect(d.connection).toEqual({
      endpoint: host,
      protocol: 'unix',
      tls: false,
      apiVersion: client.apiVersion,
    });
    expect(d.defaultBridgeOptions?.['com.docker.network.bridge.name']).toBe(bridgeName);
  });

  it('sees containers in every state', () => {
    const byName = new Map(facts.containers!.map((c) => [c.name, c]));
    expect(byName.get('bh-it-created')).toMatchObject({ id: made.created, state: 'created' });
    expect(byName.get('bh-it-running')).toMatchObject({ id: made.running, state: 'running' });
    expect(byName.get('bh-it-exited')).toMatchObject({ id: made.exited, state: 'exited' });
    expect(byName.get('bh-it-created')?.processes).toBeUndefined();
    expect(byName.get('bh-it-exited')?.processes).toBeUndefined();
  });

  it('reads the running container: spec, /top processes, exec sessions, networks', () => {
    const c = facts.containers!.find((x) => x.id === made.running)!;
    expect(c.spec.readonlyRootfs).toBe(true);
    expect(c.spec.capDrop.map((s) => s.toUpperCase())).toContain('ALL');
    expect(c.spec.env).toContain('FOO=bar');
    expect(c.spec.labels).toMatchObject({ role: 'running', 'bulkhead.test': '1' });
    expect(c.networks).toEqual(['bh-it-net']);
    expect(c.processes?.map((p) => p.command)).toEqual(expect.arrayContaining(['sleep 3600', 'sleep 1800']));
    expect(c.execs).toHaveLength(1);
    expect(c.execs?.[0]).toMatchObject({
      command: ['sleep', '1800'],
      running: true,
      user: '0',
      privileged: false,
    });
    expect(c.imageUser).toBe('');
  });

  it('takes the default user and healthcheck from the container image', () => {
    const c = facts.containers!.find((x) => x.id === made.userCtr)!;
    expect(c.imageUser).toBe('1000:1000');
    expect(c.imageHealthcheck?.test).toEqual(['CMD-SHELL', 'true']);
  });

  it('reads images with their history and how many containers use them', () => {
    const base = facts.images!.find((i) => i.id === made.baseImage)!;
    const user = facts.images!.find((i) => i.id === made.userImage)!;
    expect(base.repoTags).toEqual([FIXTURE_IMAGE]);
    expect(base.dangling).toBe(false);
    expect(base.labels).toEqual({ 'bulkhead.test': '1' });
    expect(base.containers).toBe(3);
    expect(base.history.map((h) => h.createdBy).join('\n')).toMatch(/COPY file:[0-9a-f]+ in \/bin\/busybox/);
    expect(user.containers).toBe(1);
    expect(user.user).toBe('1000:1000');
    expect(user.exposedPorts).toEqual(['8080/tcp']);
  });

  it('reads networks with their attached containers', () => {
    const net = facts.networks!.find((n) => n.id === made.network)!;
    expect(net).toMatchObject({ name: 'bh-it-net', driver: 'bridge', internal: true, scope: 'local' });
    expect(net.containers).toEqual([made.running]);
    expect(facts.networks!.map((n) => n.name)).toEqual(expect.arrayContaining(['bridge', 'host', 'none']));
  });
});

describe('collectDocker: only what is needed', () => {
  it.each<[FactKey[], string[], string[]]>([
    [['daemon'], ['version', 'info'], ['listContainers', 'listImages', 'listNetworks', 'swarmInspect']],
    [
      ['containers'],
      ['listContainers', 'inspectContainer', 'top', 'inspectImage'],
      ['listImages', 'listNetworks'],
    ],
    [
      ['images'],
      ['listImages', 'imageHistory', 'listContainers'],
      ['inspectContainer', 'top', 'listNetworks'],
    ],
    [['networks'], ['listNetworks', 'inspectNetwork'], ['listContainers', 'listImages']],
  ])('%o calls %o and never %o', async (needed, called, notCalled) => {
    const { client: c, calls } = counting(client);
    const out = await collectDocker(c, new Set(needed), { concurrency: 3 });
    for (const m of called) expect(calls.get(m), m).toBeGreaterThan(0);
    for (const m of notCalled) expect(calls.get(m), m).toBeUndefined();
    expect(out.daemon).toBeDefined();
    for (const k of ['containers', 'images', 'networks'] as const) {
      expect(out[k] !== undefined, k).toBe(needed.includes(k));
    }
  });

  it('skips a container removed between list and inspect, silently', async () => {
    const { client: c } = counting(client);
    const ghost = 'f'.repeat(64);
    const listing: EngineClient = {
      ...c,
      listContainers: async (all) => [
        ...(await client.listContainers(all)),
        { Id: ghost, Names: ['/bh-it-ghost'], State: 'exited' },
      ],
    };
    const out = await collectDocker(listing, new Set<FactKey>(['containers']));
    expect(out.warnings).toEqual([]);
    expect(out.containers?.some((x) => x.id === ghost)).toBe(false);
    expect(out.containers?.some((x) => x.id === made.running)).toBe(true);
  });

  it('reports progress per step up to the total', async () => {
    const seen: [string, number, number][] = [];
    await collectDocker(client, new Set<FactKey>(['containers', 'networks']), {
      onProgress: (s, d, t) => seen.push([s, d, t]),
    });
    const last = (step: string) => seen.filter(([s]) => s === step).at(-1);
    const nContainers = (await docker(host, ['ps', '-aq'])).split('\n').filter(Boolean).length;
    expect(last('containers')).toEqual(['containers', nContainers, nContainers]);
    expect(last('daemon')).toEqual(['daemon', 1, 1]);
    expect(last('networks')?.[1]).toBe(last('networks')?.[2]);
  });
});
