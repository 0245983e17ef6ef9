import { describe, expect, it } from 'vitest';
import type { PortBinding } from '../../facts/container.js';
import { loadCompose } from './load.js';
import {
  parseBytes,
  parseCpus,
  parseDuration,
  parsePortShort,
  serviceToSpec,
  serviceToSpecWithLocations,
  splitCommand,
} from './spec.js';

const port = (
  containerPort: number,
  hostPort = 0,
  hostIp = '',
  protocol: PortBinding['protocol'] = 'tcp',
) => ({
  containerPort,
  protocol,
  hostIp,
  hostPort,
});

describe('ports', () => {
  it.each([
    ['80', [port(80)]],
    ['8080:80', [port(80, 8080)]],
    ['127.0.0.1:8080:80', [port(80, 8080, '127.0.0.1')]],
    ['127.0.0.1::80', [port(80, 0, '127.0.0.1')]],
    ['127.0.0.1:5353:53/udp', [port(53, 5353, '127.0.0.1', 'udp')]],
    ['[::1]:8080:80', [port(80, 8080, '::1')]],
    ['[fe80::1%eth0]:9000:9000/tcp', [port(9000, 9000, 'fe80::1%eth0')]],
    ['0.0.0.0:22:22', [port(22, 22, '0.0.0.0')]],
    ['8000-8002:80-82', [port(80, 8000), port(81, 8001), port(82, 8002)]],
    ['3000-3001', [port(3000), port(3001)]],
    // A host range with one container port: the engine takes any free port of it, so each may be published.
    ['9090-9092:8080', [port(8080, 9090), port(8080, 9091), port(8080, 9092)]],
    ['127.0.0.1:1023-1024:80/udp', [port(80, 1023, '127.0.0.1', 'udp'), port(80, 1024, '127.0.0.1', 'udp')]],
    ['132/sctp', [port(132, 0, '', 'sctp')]],
  ])('%s', (input, want) => {
    expect(parsePortShort(input)).toEqual(want);
  });

  it.each([
    ['80/icmp', 'unknown protocol'],
    ['[::1:8080:80', 'invalid IPv6'],
    ['1.2.3.4:80:80:80', 'invalid port'],
    ['8000-8002:80-81', 'ranges differ'],
    ['8000:80-81', 'ranges differ'],
    ['http:80', 'invalid host port'],
    ['70000', 'invalid container port'],
  ])('%s is rejected (%s)', (input, message) => {
    expect(parsePortShort(input)).toContain(message);
  });

  it('reads the long syntax and numbers, and records every container port as exposed', () => {
    const { spec, problems } = serviceToSpecWithLocations('web', {
      ports: [
        { target: 80, published: 8080, host_ip: '127.0.0.1', protocol: 'tcp', mode: 'host' },
        { target: 53, published: '5353', protocol: 'udp' },
        { target: 9000 },
        { target: 'x' },
        8081,
        { target: 80, published: '8000-8001' },
      ],
      expose: ['3000', '4000-4001/udp'],
    });
    expect(spec.portBindings).toEqual([
      port(80, 8080, '127.0.0.1'),
      port(53, 5353, '', 'udp'),
      port(9000),
      port(8081),
      port(80, 8000),
      port(80, 8001),
    ]);
    expect(problems).toEqual(['ports.3: invalid target port "x"']);
    expect(spec.exposedPorts).toEqual([
      '3000/tcp',
      '4000/udp',
      '4001/udp',
      '80/tcp',
      '53/udp',
      '9000/tcp',
      '8081/tcp',
    ]);
  });
});

describe('volumes, tmpfs and devices', () => {
  it('reads short and long syntax, resolving relative and ~ bind sources', () => {
    const { spec } = serviceToSpecWithLocations(
      'app',
      {
        volumes: [
          '/var/run/docker.sock:/var/run/docker.sock:ro',
          'data:/var/lib/data',
          './config:/etc/app:ro,z',
          '~/.ssh:/root/.ssh',
          '/cache',
          { type: 'bind', source: '/', target: '/host', read_only: true, bind: { propagation: 'rshared' } },
          { type: 'volume', source: 'db', target: '/db' },
          { type: 'tmpfs', target: '/run' },
          { source: 'x' },
        ],
        tmpfs: ['/tmp:ro,size=64m'],
        devices: [
          '/dev/fuse',
          '/dev/sda:/dev/xvda:r',
          '/dev/kvm:rw',
          { source: '/dev/dri', target: '/dev/dri', permissions: 'rw' },
        ],
      },
      { workingDir: '/srv/app', home: '/home/ops' },
    );
    expect(spec.mounts).toEqual([
      {
        type: 'bind',
        source: '/var/run/docker.sock',
        destination: '/var/run/docker.sock',
        readOnly: true,
        propagation: '',
      },
      { type: 'volume', source: 'data', destination: '/var/lib/data', readOnly: false, propagation: '' },
      { type: 'bind', source: '/srv/app/config', destination: '/etc/app', readOnly: true, propagation: '' },
      { type: 'bind', source: '/home/ops/.ssh', destination: '/root/.ssh', readOnly: false, propagation: '' },
      { type: 'volume', source: '', destination: '/cache', readOnly: false, propagation: '' },
      { type: 'bind', source: '/', destination: '/host', readOnly: true, propagation: 'rshared' },
      { type: 'volume', source: 'db', destination: '/db', readOnly: false, propagation: '' },
      { type: 'tmpfs', source: '', destination: '/run', readOnly: false, propagation: '' },
      { type: 'tmpfs', source: '', destination: '/tmp', readOnly: true, propagation: '' },
    ]);
    expect(spec.devices).toEqual([
      { pathOnHost: '/dev/fuse', pathInContainer: '/dev/fuse', permissions: 'rwm' },
      { pathOnHost: '/dev/sda', pathInContainer: '/dev/xvda', permissions: 'r' },
      { pathOnHost: '/dev/kvm', pathInContainer: '/dev/kvm', permissions: 'rw' },
      { pathOnHost: '/dev/dri', pathInContainer: '/dev/dri', permissions: 'rw' },
    ]);
  });
});

describe('sizes, CPUs and durations', () => {
  it.each([
    ['512m', 512 * 1024 ** 2],
    ['1g', 1024 ** 3],
    ['1GB', 1024 ** 3],
    ['1.5g', 1.5 * 1024 ** 3],
    ['100MiB', 100 * 1024 ** 2],
    ['64k', 65536],
    ['1024', 1024],
    [1048576, 1048576],
    ['2t', 2 * 1024 ** 4],
  ] as const)('parseBytes(%j) = %d', (input, want) => {
    expect(parseBytes(input)).toBe(want);
  });
  it.each(['', 'lots', '-1m', '1x', '1.2.3g'])('parseBytes(%j) is undefined', (input) => {
    expect(parseBytes(input)).toBeUndefined();
  });
  it.each([
    ['0.5', 500_000_000],
    [2, 2_000_000_000],
    ['1.25', 1_250_000_000],
  ] as const)('parseCpus(%j) = %d', (input, want) => {
    expect(parseCpus(input)).toBe(want);
  });
  it.each(['', 'half', '-1'])('parseCpus(%j) is undefined', (input) => {
    expect(parseCpus(input)).toBeUndefined();
  });
  it.each([
    ['30s', 30e9],
    ['1m30s', 90e9],
    ['500ms', 5e8],
    ['1h', 3600e9],
  ] as const)('parseDuration(%j) = %d', (input, want) => {
    expect(parseDuration(input)).toBe(want);
  });

  it('reads top-level limits, then deploy.resources.limits', () => {
    const top = serviceToSpec('a', {
      mem_limit: '512m',
      memswap_limit: -1,
      cpus: 0.5,
      cpu_shares: 512,
      pids_limit: 100,
    });
    expect(top).toMatchObject({
      memory: 536870912,
      memorySwap: -1,
      nanoCpus: 5e8,
      cpuShares: 512,
      pidsLimit: 100,
    });
    const deploy = serviceToSpec('b', {
      deploy: { resources: { limits: { memory: '1g', cpus: '1.5', pids: 50 } } },
    });
    expect(deploy).toMatchObject({ memory: 1073741824, nanoCpus: 1.5e9, pidsLimit: 50 });
    const none = serviceToSpec('c', {});
    expect(none).toMatchObject({ memory: 0, nanoCpus: 0, pidsLimit: null });
    const bad = serviceToSpecWithLocations('d', { mem_limit: 'lots', cpus: 'half' });
    expect(bad.problems).toEqual(['mem_limit: invalid size "lots"', 'cpus: invalid value "half"']);
  });

  it('reads blkio_config', () => {
    const s = serviceToSpec('db', {
      blkio_config: {
        weight: 300,
        device_read_bps: [{ path: '/dev/sda', rate: '12mb' }],
        device_write_bps: [{ path: '/dev/sda', rate: 1048576 }],
        device_read_iops: [{ path: '/dev/sda', rate: 120 }],
        device_write_iops: [{ path: '/dev/sdb', rate: 30 }],
      },
    });
    expect(s.blkioWeight).toBe(300);
    expect(s.blkioDeviceReadBps).toEqual([{ path: '/dev/sda', rate: 12 * 1024 ** 2 }]);
    expect(s.blkioDeviceWriteBps).toEqual([{ path: '/dev/sda', rate: 1048576 }]);
    expect(s.blkioDeviceReadIOps).toEqual([{ path: '/dev/sda', rate: 120 }]);
    expect(s.blkioDeviceWriteIOps).toEqual([{ path: '/dev/sdb', rate: 30 }]);
  });
});

describe('other fields', () => {
  it.each([
    [{ restart: 'no' }, { name: 'no', maximumRetryCount: 0 }],
    [{ restart: false }, { name: 'no', maximumRetryCount: 0 }],
    [{ restart: 'always' }, { name: 'always', maximumRetryCount: 0 }],
    [{ restart: 'unless-stopped' }, { name: 'unless-stopped', maximumRetryCount: 0 }],
    [{ restart: 'on-failure' }, { name: 'on-failure', maximumRetryCount: 0 }],
    [{ restart: 'on-failure:5' }, { name: 'on-failure', maximumRetryCount: 5 }],
    [
      { deploy: { restart_policy: { condition: 'on-failure', max_attempts: 3 } } },
      { name: 'on-failure', maximumRetryCount: 3 },
    ],
    [{ deploy: { restart_policy: { condition: 'any' } } }, { name: 'always', maximumRetryCount: 0 }],
    [{ deploy: { restart_policy: { condition: 'none' } } }, { name: 'no', maximumRetryCount: 0 }],
    [{}, { name: '', maximumRetryCount: 0 }],
  ])('restart %j', (service, want) => {
    expect(serviceToSpec('s', service).restartPolicy).toEqual(want);
  });

  it.each([
    [
      { test: 'curl -f http://localhost/ || exit 1', interval: '30s', retries: 3 },
      { test: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], intervalNs: 30e9, retries: 3 },
    ],
    [
      { test: ['CMD', 'pg_isready'], timeout: '5s' },
      { test: ['CMD', 'pg_isready'], timeoutNs: 5e9 },
    ],
    [{ test: ['NONE'] }, { test: ['NONE'] }],
    [{ disable: true }, { test: ['NONE'] }],
  ])('healthcheck %j', (hc, want) => {
    expect(serviceToSpec('s', { healthcheck: hc }).healthcheck).toEqual(want);
  });

  it('maps namespaces, security and identity fields', () => {
    const s = serviceToSpec('app', {
      image: 'app:1',
      user: 0,
      privileged: 'true',
      read_only: true,
      cap_add: ['SYS_ADMIN'],
      cap_drop: ['ALL'],
      security_opt: ['seccomp:unconfined', 'label=disable'],
      network_mode: 'service:vpn',
      pid: 'host',
      ipc: 'shareable',
      uts: 'host',
      userns_mode: 'host',
      cgroup: 'host',
      cgroup_parent: 'm-executor-abcd',
      sysctls: ['net.ipv4.ip_forward=1', 'kernel.msgmax=65536'],
      ulimits: { nproc: 65535, nofile: { soft: 20000, hard: 40000 } },
      environment: { DB_PASSWORD: 'x', EMPTY: '', GONE: null },
      labels: { 'com.example.team': 'payments' },
      logging: { driver: 'json-file', options: { 'max-size': '10m', 'max-file': 3 } },
      entrypoint: '/docker-entrypoint.sh --verbose',
      command: 'sh -c "echo \'hi there\' && exec nginx"',
      working_dir: '/app',
      device_cgroup_rules: ['c 1:3 mr'],
    });
    expect(s).toMatchObject({
      source: 'compose',
      name: 'app',
      image: 'app:1',
      user: '0',
      privileged: true,
      readonlyRootfs: true,
      capAdd: ['SYS_ADMIN'],
      capDrop: ['ALL'],
      securityOpt: ['seccomp:unconfined', 'label=disable'],
      networkMode: 'container:vpn',
      pidMode: 'host',
      ipcMode: 'shareable',
      utsMode: 'host',
      usernsMode: 'host',
      cgroupnsMode: 'host',
      cgroupParent: 'm-executor-abcd',
      sysctls: { 'net.ipv4.ip_forward': '1', 'kernel.msgmax': '65536' },
      ulimits: [
        { name: 'nproc', soft: 65535, hard: 65535 },
        { name: 'nofile', soft: 20000, hard: 40000 },
      ],
      env: ['DB_PASSWORD=x', 'EMPTY='],
      labels: { 'com.example.team': 'payments' },
      logConfig: { type: 'json-file', config: { 'max-size': '10m', 'max-file': '3' } },
      entrypoint: ['/docker-entrypoint.sh', '--verbose'],
      cmd: ['sh', '-c', "echo 'hi there' && exec nginx"],
      workingDir: '/app',
      deviceCgroupRules: ['c 1:3 mr'],
    });
  });

  it.each([
    ['host', 'host'],
    ['none', 'none'],
    ['bridge', 'bridge'],
    ['service:db', 'container:db'],
    ['container:abc123', 'container:abc123'],
    [undefined, 'proj_default'],
  ])('network_mode %s -> %s', (mode, want) => {
    expect(
      serviceToSpec('s', mode ? { network_mode: mode } : {}, { defaultNetworkMode: 'proj_default' })
        .networkMode,
    ).toBe(want);
  });

  it.each([
    ['nginx -g "daemon off;"', ['nginx', '-g', 'daemon off;']],
    ["sh -c 'a b'", ['sh', '-c', 'a b']],
    ['a\\ b c', ['a b', 'c']],
    ['x ""', ['x', '']],
    ['  ', []],
  ])('splitCommand(%j)', (input, want) => {
    expect(splitCommand(input)).toEqual(want);
  });
});

describe('locations of spec fields', () => {
  it('maps each spec field and list item to the YAML node it came from', () => {
    const text = `services:
  web:
    image: nginx
    privileged: true
    ports:
      - "8000-8001:80-81"
      - "[::1]:9000:9000"
    environment:
      - API_TOKEN=abc
    volumes:
      - type: bind
        source: /etc
        target: /host/etc
    deploy:
      resources:
        limits: {memory: 1g}
`;
    const p = loadCompose([{ path: '/app/compose.yaml', text }], { readFile: () => undefined });
    const web = p.services[0];
    if (!web) throw new Error('no service');
    const { spec, locations, sources } = serviceToSpecWithLocations(web.name, web.data, {
      locations: web.locations,
    });
    expect(spec.portBindings).toHaveLength(3);
    expect(locations.privileged).toEqual({ file: '/app/compose.yaml', line: 4, col: 5 });
    expect(locations['portBindings.0']).toMatchObject({ line: 6, col: 9 });
    expect(locations['portBindings.1']).toMatchObject({ line: 6, col: 9 });
    expect(locations['portBindings.2']).toMatchObject({ line: 7, col: 9 });
    expect(locations['env.0']).toMatchObject({ line: 9, col: 9 });
    expect(sources['env.0']).toBe('environment.API_TOKEN');
    expect(locations['mounts.0']).toMatchObject({ line: 11, col: 9 });
    expect(locations.memory).toMatchObject({ line: 16, col: 18 });
    expect(sources.memory).toBe('deploy.resources.limits.memory');
  });
});

describe('host port ranges', () => {
  it('makes one binding per host port, so a privileged one anywhere in the range is seen', () => {
    const { spec, problems } = serviceToSpecWithLocations('dns', {
      ports: ['1-1024:53/udp', { target: 8080, published: '1000-1030' }],
    });
    expect(problems).toEqual([]);
    expect(spec.portBindings).toHaveLength(1024 + 31);
    expect(spec.portBindings.filter((p) => p.hostPort < 1024).map((p) => p.hostPort)).toHaveLength(1023 + 24);
    expect(spec.portBindings.at(-1)).toEqual(port(8080, 1030));
    expect(spec.exposedPorts).toEqual(['53/udp', '8080/tcp']);
  });
});

describe('secrets and configs', () => {
  const defs = {
    secrets: {
      db_password: { file: './secrets/db_password.txt' },
      shadow: { file: '/etc/shadow' },
      sock: { file: '/var/run/docker.sock' },
      api_key: { environment: 'API_KEY' },
      vault: { external: true },
    },
    configs: {
      nginx_conf: { file: './nginx.conf' },
      inline: { content: 'x=1' },
    },
  };
  const ro = (source: string, destination: string) => ({
    type: 'bind',
    source,
    destination,
    readOnly: true,
    propagation: '',
  });

  it('mounts file secrets at /run/secrets and file configs at /, read-only, resolving the file', () => {
    const { spec, problems, sources } = serviceToSpecWithLocations(
      'api',
      {
        volumes: ['data:/data'],
        secrets: [
          'db_password',
          { source: 'shadow', target: 'shadow_copy' },
          { source: 'sock', target: '/var/run/docker.sock', mode: 0o400 },
          'api_key',
          'vault',
        ],
        configs: ['nginx_conf', { source: 'nginx_conf', target: '/etc/nginx/nginx.conf' }, 'inline'],
      },
      {
        workingDir: '/srv/shop',
        locations: { 'secrets.1': { file: 'c.yaml', line: 9, col: 9 } },
        ...defs,
      },
    );
    expect(problems).toEqual([]);
    expect(spec.mounts).toEqual([
      { type: 'volume', source: 'data', destination: '/data', readOnly: false, propagation: '' },
      ro('/srv/shop/secrets/db_password.txt', '/run/secrets/db_password'),
      ro('/etc/shadow', '/run/secrets/shadow_copy'),
      ro('/var/run/docker.sock', '/var/run/docker.sock'),
      ro('/srv/shop/nginx.conf', '/nginx_conf'),
      ro('/srv/shop/nginx.conf', '/etc/nginx/nginx.conf'),
    ]);
    expect(sources['mounts.2']).toBe('secrets.1');
  });

  it.each([
    ['an unknown secret', { secrets: ['db_pasword'] }, ['secrets.0: unknown secret "db_pasword"']],
    ['an unknown config', { configs: [{ source: 'nginx' }] }, ['configs.0: unknown config "nginx"']],
    ['a long syntax without source', { secrets: [{ target: 'x' }] }, ['secrets.0: secret without a source']],
    [
      'a name from Object.prototype',
      { secrets: ['constructor'] },
      ['secrets.0: unknown secret "constructor"'],
    ],
  ])('reports %s', (_n, service, want) => {
    const { spec, problems } = serviceToSpecWithLocations('api', service, defs);
    expect(problems).toEqual(want);
    expect(spec.mounts).toEqual([]);
  });

  it('mounts nothing and reports nothing without the top-level definitions', () => {
    const { spec, problems } = serviceToSpecWithLocations('api', { secrets: ['db_password'] });
    expect([spec.mounts, problems]).toEqual([[], []]);
  });
});

describe('build args', () => {
  it.each([
    ['map', { args: { NPM_TOKEN: 'npm_abc', NODE_ENV: 'production', EMPTY: '', UNSET: null } }],
    ['list', { args: ['NPM_TOKEN=npm_abc', 'NODE_ENV=production', 'EMPTY=', 'UNSET'] }],
  ])('reads the %s form as NAME=value, leaving out unset names', (_n, build) => {
    const { spec } = serviceToSpecWithLocations('web', { build: { context: '.', ...build } });
    expect(spec.buildArgs).toEqual(['NPM_TOKEN=npm_abc', 'NODE_ENV=production', 'EMPTY=']);
  });

  it('sets no buildArgs without build args', () => {
    expect(serviceToSpec('web', { build: '.' }).buildArgs).toBeUndefined();
    expect(serviceToSpec('web', { image: 'nginx' }).buildArgs).toBeUndefined();
  });
});
