import { describe, expect, it } from 'vitest';
import {
  bridgeNetworkJson,
  infoJson,
  nodeJson,
  secretJson,
  serviceJson,
  swarmClusterJson,
  swarmInfoJson,
  versionJson,
} from '../../../test/kit/daemon.js';
import { apiHistory, inspectV141 as imageV141, inspectV150 as imageV150 } from '../../../test/kit/image.js';
import { exited, inspectV141, inspectV152 } from '../../../test/kit/inspect.js';
import type { FactKey } from '../../core/model.js';
import { type EngineClient, EngineRequestError } from './client.js';
import { collectDocker } from './collect.js';
import { resolveConnection } from './connection.js';

type Obj = Record<string, unknown>;
const IMG_A = `sha256:${'a'.repeat(64)}`;
const IMG_B = `sha256:${'b'.repeat(64)}`;
const IMG_DANGLING = `sha256:${'d'.repeat(64)}`;
const ctrId = (n: number) => n.toString(16).padStart(64, '0');

const notFound = (what: string) =>
  new EngineRequestError(`GET ${what}: HTTP 404: no such object`, undefined, 404);
const serverError = (what: string) => new EngineRequestError(`GET ${what}: HTTP 500: boom`, undefined, 500);

interface FakeCtr {
  id: string;
  name: string;
  image: string;
  inspect: Obj;
  execs?: Obj[];
}

/** An in-memory engine: records calls, peak concurrency, and fails what it is told to. */
class FakeEngine {
  calls: string[] = [];
  active = 0;
  peak = 0;
  fail = new Map<string, Error>();
  info: Obj = infoJson('20.10') as Obj;
  containers: FakeCtr[] = [];
  images = new Map<string, { inspect: Obj; history: unknown[] }>();
  networks: Obj[] = [bridgeNetworkJson() as Obj];
  swarm = {
    swarm: swarmClusterJson() as Obj,
    nodes: [] as unknown[],
    services: [] as unknown[],
    secrets: [] as unknown[],
  };
  /** Ids listed but gone by the time they are inspected. */
  vanished: string[] = [];

  private async call<T>(key: string, fn: () => T): Promise<T> {
    this.calls.push(key);
    this.active++;
    this.peak = Math.max(this.peak, this.active);
    try {
      await new Promise((r) => setTimeout(r, 2));
      const f = this.fail.get(key);
      if (f) throw f;
      return fn();
    } finally {
      this.active--;
    }
  }

  client(): EngineClient {
    const find = (id: string) => {
      const c = this.containers.find((x) => x.id === id);
      if (!c) throw notFound(`/containers/${id}/json`);
      return c;
    };
    return {
      connection: resolveConnection({}, {}, { homeDir: '/root', fileExists: () => false }),
      apiVersion: '1.41',
      warnings: [],
      ping: () => this.call('ping', () => 'OK'),
      version: () => this.call('version', () => versionJson('20.10') as Obj),
      info: () => this.call('info', () => this.info),
      listContainers: () =>
        this.call('listContainers', () => [
          ...this.containers.map((c) => ({ Id: c.id, Names: [`/${c.name}`], ImageID: c.image, State: 'x' })),
          ...this.vanished.map((id) => ({ Id: id, Names: ['/gone'], ImageID: IMG_A })),
        ]),
      inspectContainer: (id) => this.call(`inspectContainer ${id}`, () => find(id).inspect as never),
      top: (id) =>
        this.call(`top ${id}`, () => ({
          Titles: ['UID', 'PID', 'CMD'],
          Processes: [['root', '4242', `proc-of-${find(id).name}`]],
        })),
      inspectExec: (id) =>
        this.call(`inspectExec ${id}`, () => {
          for (const c of this.containers) for (const e of c.execs ?? []) if (e.ID === id) return e;
          throw notFound(`/exec/${id}/json`);
        }),
      listImages: () => this.call('listImages', () => [...this.images.keys()].map((Id) => ({ Id }))),
      inspectImage: (id) =>
        this.call(`inspectImage ${id}`, () => {
          const i = this.images.get(id);
          if (!i) throw notFound(`/images/${id}/json`);
          return i.inspect;
        }),
      imageHistory: (id) => this.call(`imageHistory ${id}`, () => this.images.get(id)?.history ?? []),
      listNetworks: () =>
        this.call('listNetworks', () => this.networks.map((n) => ({ Id: n.Id, Name: n.Name }) as never)),
      inspectNetwork: (id) =>
        this.call(`inspectNetwork ${id}`, () => {
          const n = this.networks.find((x) => x.Id === id || x.Name === id);
          if (!n) throw notFound(`/networks/${id}`);
          return n;
        }),
      swarmInspect: () => this.call('swarmInspect', () => this.swarm.swarm),
      listNodes: () => this.call('listNodes', () => this.swarm.nodes),
      listServices: () => this.call('listServices', () => this.swarm.services),
      listSecrets: () => this.call('listSecrets', () => this.swarm.secrets),
    };
  }

  addContainer(n: number, name: string, image: string, shape: 'v141' | 'v152' | 'exited', execs: Obj[] = []) {
    const id = ctrId(n);
    const base = shape === 'v141' ? inspectV141() : inspectV152();
    const body = {
      ...(shape === 'exited' ? exited(base) : base),
      Id: id,
      Name: `/${name}`,
      Image: image,
      ExecIDs: execs.length ? execs.map((e) => e.ID) : null,
    };
    this.containers.push({ id, name, image, inspect: body, execs });
    return id;
  }
}

const withImages = (e: FakeEngine) => {
  e.images.set(IMG_A, {
    inspect: { ...(imageV141({ config: { User: 'nginx' } }) as Obj), Id: IMG_A, RepoTags: ['nginx:1.27'] },
    history: apiHistory(['COPY file:abc in /', 'CMD ["nginx"]']) as unknown[],
  });
  e.images.set(IMG_B, {
    inspect: { ...(imageV150() as Obj), Id: IMG_B, RepoTags: ['redis:7'] },
    history: apiHistory(['ADD rootfs.tar /']) as unknown[],
  });
  e.images.set(IMG_DANGLING, {
    inspect: { ...(imageV141() as Obj), Id: IMG_DANGLING, RepoTags: [], RepoDigests: [] },
    history: [],
  });
};

const ALL = new Set<FactKey>(['daemon', 'containers', 'images', 'networks', 'swarm']);

describe('collectDocker', () => {
  it('collects every fact from 1.41 and 1.52 shapes, with image facts shared and counted', async () => {
    const e = new FakeEngine();
    withImages(e);
    e.networks.push({
      Name: 'backend',
      Id: 'n2',
      Driver: 'bridge',
      Scope: 'local',
      Containers: { [ctrId(1)]: { Name: 'web' } },
      Options: {},
      Labels: {},
    });
    e.addContainer(1, 'web', IMG_A, 'v141', [
      {
        ID: 'exec1',
        Running: true,
        ProcessConfig: { entrypoint: 'sh', arguments: [], privileged: true, user: 'root' },
      },
    ]);
    e.addContainer(2, 'worker', IMG_A, 'v152');
    e.addContainer(3, 'job', IMG_B, 'exited');

    const out = await collectDocker(e.client(), ALL);

    expect(out.gaps).toEqual({});
    expect(out.swarm).toMatchObject({ nodes: [], services: [], secrets: [] });
    expect(out.warnings).toEqual([]);
    expect(out.daemon?.connection).toEqual({
      endpoint: 'unix:///var/run/docker.sock',
      protocol: 'unix',
      tls: false,
      apiVersion: '1.41',
    });
    expect(out.daemon?.version.apiVersion).toBe('1.41');
    expect(out.daemon?.defaultBridgeOptions?.['com.docker.network.bridge.enable_icc']).toBe('true');

    expect(out.containers?.map((c) => [c.name, c.state])).toEqual([
      ['web', 'running'],
      ['worker', 'running'],
      ['job', 'exited'],
    ]);
    const web = out.containers![0]!;
    expect(web.processes).toEqual([{ user: 'root', pid: '4242', command: 'proc-of-web' }]);
    expect(web.execs).toEqual([
      { id: 'exec1', privileged: true, user: 'root', command: ['sh'], running: true },
    ]);
    expect(web.imageUser).toBe('nginx');
    expect(out.containers![2]!.processes).toBeUndefined();
    // /top only for running containers; each image inspected once, though two containers and the list need it.
    expect(e.calls.filter((c) => c.startsWith('top '))).toEqual([`top ${ctrId(1)}`, `top ${ctrId(2)}`]);
    expect(e.calls.filter((c) => c === `inspectImage ${IMG_A}`)).toHaveLength(1);
    expect(e.calls.filter((c) => c === 'listContainers')).toHaveLength(1);

    expect(out.images?.map((i) => [i.repoTags[0] ?? '<none>', i.containers, i.dangling])).toEqual([
      ['nginx:1.27', 2, false],
      ['redis:7', 1, false],
      ['<none>', 0, true],
    ]);
    expect(out.images![0]!.history.map((h) => h.createdBy)).toEqual(['COPY file:abc in /', 'CMD ["nginx"]']);

    expect(out.networks?.map((n) => [n.name, n.containers])).toEqual([
      ['bridge', []],
      ['backend', [ctrId(1)]],
    ]);
  });

  it.each<[string, FactKey[], string[], string[]]>([
    [
      'daemon only',
      ['daemon'],
      ['version', 'info', 'inspectNetwork bridge'],
      ['listContainers', 'listImages', 'listNetworks'],
    ],
    [
      'images needs the container list for usage counts',
      ['images'],
      ['listImages', 'listContainers'],
      ['top', 'listNetworks'],
    ],
    ['networks only', ['networks'], ['listNetworks'], ['listContainers', 'listImages', 'swarmInspect']],
    ['swarm on an inactive node asks nothing more', ['swarm'], ['info'], ['swarmInspect', 'listNodes']],
  ])('%s', async (_name, needed, called, notCalled) => {
    const e = new FakeEngine();
    withImages(e);
    e.addContainer(1, 'web', IMG_A, 'v141');
    const out = await collectDocker(e.client(), new Set(needed));
    const base = (c: string) => c.split(' ')[0]!;
    for (const c of called)
      expect(
        e.calls.some((x) => x === c || base(x) === c),
        c,
      ).toBe(true);
    for (const c of notCalled)
      expect(
        e.calls.some((x) => base(x) === c),
        c,
      ).toBe(false);
    expect(out.daemon).toBeDefined();
    for (const k of ['containers', 'images', 'networks', 'swarm'] as const) {
      expect(out[k] !== undefined, k).toBe(needed.includes(k));
    }
  });

  it('never has more calls in flight than the concurrency bound', async () => {
    const e = new FakeEngine();
    withImages(e);
    for (let i = 1; i <= 30; i++)
      e.addContainer(i, `c${i}`, i % 2 ? IMG_A : IMG_B, i % 3 ? 'v152' : 'exited');
    const out = await collectDocker(e.client(), ALL, { concurrency: 3 });
    expect(out.containers).toHaveLength(30);
    expect(e.peak).toBe(3);
    const wide = new FakeEngine();
    withImages(wide);
    for (let i = 1; i <= 30; i++) wide.addContainer(i, `c${i}`, IMG_A, 'v152');
    await collectDocker(wide.client(), ALL);
    expect(wide.peak).toBe(8);
  });

  it('skips a container that vanished after the list, silently', async () => {
    const e = new FakeEngine();
    withImages(e);
    e.addContainer(1, 'web', IMG_A, 'v141');
    e.vanished.push(ctrId(99));
    const out = await collectDocker(e.client(), new Set<FactKey>(['containers']));
    expect(out.containers?.map((c) => c.name)).toEqual(['web']);
    expect(out.warnings).toEqual([]);
  });

  it('turns one object failing into a warning, not a crash', async () => {
    const e = new FakeEngine();
    withImages(e);
    e.addContainer(1, 'web', IMG_A, 'v141');
    e.addContainer(2, 'broken', IMG_A, 'v152');
    e.addContainer(3, 'quiet', IMG_B, 'v152');
    e.fail.set(`inspectContainer ${ctrId(2)}`, serverError(`/containers/${ctrId(2)}/json`));
    e.fail.set(`top ${ctrId(3)}`, serverError(`/containers/${ctrId(3)}/top`));
    e.fail.set(`imageHistory ${IMG_B}`, serverError('/images/b/history'));
    e.fail.set('inspectNetwork bridge', serverError('/networks/bridge'));
    const out = await collectDocker(e.client(), new Set<FactKey>(['daemon', 'containers', 'images']));
    expect(out.containers?.map((c) => c.name)).toEqual(['web', 'quiet']);
    expect(out.containers![1]!.processes).toBeUndefined();
    expect(out.images).toHaveLength(3);
    expect(out.images![1]!.history).toEqual([]);
    expect(out.daemon?.defaultBridgeOptions).toBeUndefined();
    expect(out.warnings.sort()).toEqual(
      [
        'default bridge network: GET /networks/bridge: HTTP 500: boom',
        `container broken: GET /containers/${ctrId(2)}/json: HTTP 500: boom`,
        `container quiet processes: GET /containers/${ctrId(3)}/top: HTTP 500: boom`,
        `image ${'b'.repeat(12)} history: GET /images/b/history: HTTP 500: boom`,
      ].sort(),
    );
    expect(out.gaps).toEqual({});
  });

  it('leaves gaps when a list fails, and no image facts without usage counts', async () => {
    const e = new FakeEngine();
    withImages(e);
    e.fail.set('listContainers', serverError('/containers/json'));
    e.fail.set('listNetworks', serverError('/networks'));
    const out = await collectDocker(e.client(), new Set<FactKey>(['containers', 'images', 'networks']));
    expect(out.gaps).toEqual({
      containers: 'GET /containers/json: HTTP 500: boom',
      images: 'image usage unknown: GET /containers/json: HTTP 500: boom',
      networks: 'GET /networks: HTTP 500: boom',
    });
    expect(out.containers).toBeUndefined();
    expect(out.images).toBeUndefined();
    expect(out.networks).toBeUndefined();
  });

  it('records a daemon gap when /info fails and cannot judge swarm', async () => {
    const e = new FakeEngine();
    e.fail.set('info', serverError('/info'));
    const out = await collectDocker(e.client(), new Set<FactKey>(['daemon', 'swarm']));
    expect(out.daemon).toBeUndefined();
    expect(out.gaps).toEqual({
      daemon: 'GET /info: HTTP 500: boom',
      swarm: 'swarm state unknown: GET /info: HTTP 500: boom',
    });
  });

  it('reads swarm facts on a manager', async () => {
    const e = new FakeEngine();
    e.info = infoJson('29', { Swarm: swarmInfoJson() }) as Obj;
    e.swarm.nodes = [nodeJson('n1', 'manager', '10.0.0.1'), nodeJson('n2', 'worker', '10.0.0.2')];
    e.swarm.services = [serviceJson('web') as unknown];
    e.swarm.secrets = [secretJson('db-password')];
    const out = await collectDocker(e.client(), new Set<FactKey>(['swarm']));
    expect(out.gaps).toEqual({});
    expect(out.swarm?.nodes.map((n) => n.role)).toEqual(['manager', 'worker']);
    expect(out.swarm?.services.map((s) => s.name)).toEqual(['web']);
    expect(out.swarm?.secrets.map((s) => s.name)).toEqual(['db-password']);
  });

  it('does not ask a worker for manager-only data', async () => {
    const e = new FakeEngine();
    e.info = infoJson('29', { Swarm: swarmInfoJson({ ControlAvailable: false }) }) as Obj;
    const out = await collectDocker(e.client(), new Set<FactKey>(['swarm']));
    // Only what /info tells; the swarm checks see ControlAvailable=false and do not apply.
    expect(out.swarm).toMatchObject({ nodes: [], services: [], secrets: [] });
    expect(out.gaps.swarm).toBeUndefined();
    expect(e.calls).not.toContain('swarmInspect');
  });

  it("takes running containers' processes from a local source, asking /top only for those it lacks", async () => {
    const e = new FakeEngine();
    withImages(e);
    const web = e.addContainer(1, 'web', IMG_A, 'v141');
    e.addContainer(2, 'worker', IMG_A, 'v152');
    const local = { Titles: ['UID', 'PID', 'CMD'], Processes: [['0', '4242', '/usr/sbin/sshd -D']] };
    const out = await collectDocker(e.client(), new Set<FactKey>(['containers']), {
      processesFor: async (id) => (id === web ? local : undefined),
    });
    expect(out.containers!.find((c) => c.name === 'web')!.processes).toEqual([
      { user: '0', pid: '4242', command: '/usr/sbin/sshd -D' },
    ]);
    expect(e.calls.filter((c) => c.startsWith('top '))).toEqual([`top ${ctrId(2)}`]);
  });

  it('reports progress per step', async () => {
    const e = new FakeEngine();
    withImages(e);
    e.addContainer(1, 'a', IMG_A, 'v152');
    e.addContainer(2, 'b', IMG_A, 'v152');
    const seen: string[] = [];
    await collectDocker(e.client(), new Set<FactKey>(['containers', 'images']), {
      onProgress: (s, d, t) => seen.push(`${s} ${d}/${t}`),
    });
    expect(seen.filter((s) => s.startsWith('containers'))).toEqual(['containers 1/2', 'containers 2/2']);
    expect(seen.filter((s) => s.startsWith('images'))).toEqual(['images 1/3', 'images 2/3', 'images 3/3']);
    expect(seen).toContain('daemon 1/1');
  });
});
