import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { input } from '../../test/fixtures/harden/kit.js';
import { hostSnapshot } from '../../test/kit/host.js';
import { containerFacts, daemonWith } from '../../test/kit/inspect.js';
import type { ContainerFacts } from '../facts/container.js';
import type { ContainerSpec } from '../facts/snapshot.js';
import { dataRootDisk, planContainers } from './containers.js';

const hardened: Partial<ContainerSpec> = {
  user: '101:101',
  capDrop: ['ALL'],
  capAdd: [],
  readonlyRootfs: true,
  securityOpt: ['no-new-privileges:true'],
  memory: 268435456,
  nanoCpus: 500000000,
  pidsLimit: 100,
  blkioDeviceReadBps: [{ path: '/dev/sda', rate: 52428800 }],
  restartPolicy: { name: 'on-failure', maximumRetryCount: 3 },
  portBindings: [{ containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 8080 }],
  healthcheck: { test: ['CMD', 'wget', '-q', '--spider', 'http://127.0.0.1/'] },
  logConfig: { type: 'json-file', config: { 'max-size': '10m' } },
};
const ctr = (
  name: string,
  spec: Partial<ContainerSpec>,
  over: Partial<ContainerFacts> = {},
): ContainerFacts => {
  const c = containerFacts({ ...over, spec: { ...spec, name } });
  return { ...c, id: `${name}-id`, name };
};
// A daemon without a no-new-privileges default, so the container's own setting decides.
const plan = (containers: ContainerFacts[]) =>
  planContainers(input(hostSnapshot({}, { containers, daemon: daemonWith(['apparmor', 'seccomp']) })));
const flags = (p: ReturnType<typeof plan>, name: string) =>
  p.fixes.find((f) => f.container === name)!.runFlags.map((f) => f.join(' '));

describe('per-container flags', () => {
  it('fixes each finding of a default nginx container with the matching flag', () => {
    const p = plan([ctr('web', {})]);
    const f = flags(p, 'web');
    expect(f).toEqual(
      expect.arrayContaining([
        '--user 1000:1000',
        '--cap-drop ALL',
        '--cap-add NET_BIND_SERVICE',
        '--read-only',
        '--tmpfs /tmp:rw,noexec,nosuid,size=64m',
        '--security-opt no-new-privileges',
        '--memory 512m',
        '--cpus 1',
        '--pids-limit 200',
        '--device-read-bps /dev/mapper/vg0-docker:50mb',
        '-p 127.0.0.1:8080:80',
      ]),
    );
    expect(f.some((x) => x.startsWith('--health-cmd wget -q --spider http://127.0.0.1:80/'))).toBe(true);
    const fix = p.fixes[0]!;
    expect(fix.updateFlags.join(' ')).toBe('--memory 512m --memory-swap 512m --cpus 1 --pids-limit 200');
    expect(fix.other.join('\n')).toContain('BH-CTR-030');
    expect(p.files[0]!.content).toContain(
      'docker update --memory 512m --memory-swap 512m --cpus 1 --pids-limit 200 web',
    );
  });

  it('produces nothing for a container whose handled checks pass', () => {
    const p = plan([ctr('ok', hardened, { imageUser: '101' })]);
    const handled = p.fixes.flatMap((f) => f.runFlags);
    expect(handled).toEqual([]);
  });

  it('keeps the default capabilities it adds, drops dangerous ones, and adds SETUID/SETGID when processes switch users', () => {
    const p = plan([
      ctr(
        'pg',
        { ...hardened, user: '', capDrop: [], capAdd: ['CHOWN', 'SYS_ADMIN'] },
        {
          imageUser: 'postgres',
          processes: [
            { user: 'root', pid: '1', command: 'postgres' },
            { user: 'postgres', pid: '2', command: 'postgres: checkpointer' },
          ],
        },
      ),
    ]);
    expect(flags(p, 'pg')).toEqual([
      '--cap-drop ALL',
      '--cap-add CHOWN',
      '--cap-add NET_BIND_SERVICE',
      '--cap-add SETUID',
      '--cap-add SETGID',
    ]);
    expect(p.fixes[0]!.explanations[0]!.text).toContain('no longer grants SYS_ADMIN');
  });

  it.each([
    ['restart always', { restartPolicy: { name: 'always', maximumRetryCount: 0 } }, '--restart on-failure:5'],
    [
      'log driver none',
      { logConfig: { type: 'none', config: {} } },
      '--log-driver local --log-opt max-size=20m',
    ],
    [
      '-P publish-all',
      { portBindings: [], publishAllPorts: true, exposedPorts: ['3000/tcp'] },
      '-p 127.0.0.1::3000',
    ],
    [
      'IPv6 any address',
      { portBindings: [{ containerPort: 53, protocol: 'udp' as const, hostIp: '::', hostPort: 53 }] },
      '-p 127.0.0.1:53:53/udp',
    ],
  ])('%s', (_n, spec, want) => {
    const p = plan([ctr('x', { ...hardened, ...spec }, { imageUser: '101' })]);
    expect(flags(p, 'x').join(' ')).toContain(want);
  });

  it('sizes the pids limit from the processes seen', () => {
    const processes = Array.from({ length: 90 }, (_, i) => ({
      user: 'app',
      pid: String(i + 1),
      command: 'worker',
    }));
    const p = plan([ctr('w', { ...hardened, pidsLimit: null }, { imageUser: '101', processes })]);
    expect(flags(p, 'w')).toEqual(['--pids-limit 400']);
  });
});

describe('compose override', () => {
  const labels = (service: string) => ({
    'com.docker.compose.project': 'shop',
    'com.docker.compose.service': service,
    'com.docker.compose.project.working_dir': '/srv/shop',
    'com.docker.compose.project.config_files': '/srv/shop/compose.yaml',
  });

  it('writes one services: entry per compose service, replacing list keys with !override', () => {
    const p = plan([
      ctr('shop-web-1', { labels: labels('web') }),
      ctr('shop-web-2', { labels: labels('web') }),
      ctr('shop-db-1', { ...hardened, labels: labels('db'), memory: 0 }, { imageUser: '101' }),
      ctr('standalone', {}),
    ]);
    const file = p.files.find((f) => f.name === 'compose/shop/docker-compose.override.yml')!;
    expect(file.content).toContain(
      'docker compose -f /srv/shop/compose.yaml -f docker-compose.override.yml up -d',
    );
    const doc = parseDocument(file.content, {
      customTags: [{ tag: '!override', resolve: (v: unknown) => v, collection: 'seq' } as never],
    });
    const services = (doc.toJS() as { services: Record<string, Record<string, unknown>> }).services;
    expect(Object.keys(services).sort()).toEqual(['db', 'web']);
    expect(services.db).toEqual({ mem_limit: '512m', memswap_limit: '512m' });
    expect(services.web).toMatchObject({
      user: '1000:1000',
      cap_drop: ['ALL'],
      read_only: true,
      security_opt: ['no-new-privileges:true'],
      pids_limit: 200,
    });
    expect(services.web!.restart).toBeUndefined();
    expect(file.content).toMatch(/ports: !override\n\s+- "127.0.0.1:8080:80"/);
    expect(file.content).toContain('user: "1000:1000"');
    expect(p.files.filter((f) => f.name.startsWith('compose/'))).toHaveLength(1);
  });
});

describe('dataRootDisk', () => {
  it.each([
    ['/dev/sda1', '/', '/dev/sda'],
    ['/dev/nvme0n1p2', '/', '/dev/nvme0n1'],
    ['/dev/mapper/vg0-docker', '/var/lib/docker', '/dev/mapper/vg0-docker'],
  ])('%s on %s -> %s', (source, target, want) => {
    const s = hostSnapshot({ mounts: [{ source, target, fstype: 'ext4', options: [] }] });
    expect(dataRootDisk(s)).toBe(want);
  });
});
