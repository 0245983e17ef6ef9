import { describe, expect, it } from 'vitest';
import { exited, imageInspect, inspectV141, inspectV152, topOf } from '../../../test/kit/inspect.js';
import { containerFromInspect, execFromInspect, parseBind, specFromInspect } from './inspect.js';

const shapes = [
  ['API 1.41', inspectV141],
  ['API 1.52', inspectV152],
] as const;

describe('specFromInspect', () => {
  describe.each(shapes)('%s defaults', (_name, build) => {
    const spec = specFromInspect(build());
    it('reads identity and config', () => {
      expect(spec.source).toBe('engine');
      expect(spec.name).toBe('web');
      expect(spec.imageId).toMatch(/^sha256:/);
      expect(spec.image).toMatch(/^nginx:/);
      expect(spec.cmd).toEqual(['nginx', '-g', 'daemon off;']);
      expect(spec.entrypoint).toEqual(['/docker-entrypoint.sh']);
      expect(spec.exposedPorts).toEqual(['80/tcp']);
      expect(spec.healthcheck).toBeUndefined();
    });
    it('null lists become empty lists', () => {
      expect(spec.capAdd).toEqual([]);
      expect(spec.capDrop).toEqual([]);
      expect(spec.securityOpt).toEqual([]);
      expect(spec.ulimits).toEqual([]);
      expect(spec.blkioDeviceReadBps).toEqual([]);
      expect(spec.pidsLimit).toBeNull();
    });
    it('takes the engine-resolved ports (both address families), not the declared ""', () => {
      expect(spec.portBindings).toEqual([
        { containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8080 },
        { containerPort: 80, protocol: 'tcp', hostIp: '::', hostPort: 8080 },
      ]);
    });
  });

  it('normalises NetworkMode "default" (1.41) to "" and keeps "bridge" (1.52)', () => {
    expect(specFromInspect(inspectV141()).networkMode).toBe('');
    expect(specFromInspect(inspectV152()).networkMode).toBe('bridge');
  });

  it.each([
    ['null', null, null],
    ['0', 0, 0],
    ['-1 (20.10 unlimited)', -1, -1],
    ['100', 100, 100],
  ])('PidsLimit %s', (_n, value, expected) => {
    expect(specFromInspect(inspectV141({ HostConfig: { PidsLimit: value } })).pidsLimit).toBe(expected);
  });

  it('falls back to PortBindings for a stopped container (HostIp "" kept)', () => {
    const spec = specFromInspect(exited(inspectV152()));
    expect(spec.portBindings).toEqual([{ containerPort: 80, protocol: 'tcp', hostIp: '', hostPort: 8080 }]);
  });

  it('merges Binds, HostConfig.Mounts, Tmpfs and resolved Mounts without duplicates', () => {
    const spec = specFromInspect(
      inspectV141({
        HostConfig: {
          Binds: [
            '/var/run/docker.sock:/var/run/docker.sock:ro',
            'data:/data',
            '/etc:/host/etc:ro,rshared,z',
          ],
          Mounts: [{ Type: 'bind', Source: '/srv/www', Target: '/usr/share/nginx/html', ReadOnly: true }],
          Tmpfs: { '/run': 'rw,noexec,nosuid' },
        },
        Mounts: [
          // 20.10 resolved entries: no Propagation for volumes
          {
            Type: 'bind',
            Source: '/var/run/docker.sock',
            Destination: '/var/run/docker.sock',
            Mode: 'ro',
            RW: false,
            Propagation: 'rprivate',
          },
          {
            Type: 'volume',
            Name: 'data',
            Source: '/var/lib/docker/volumes/data/_data',
            Destination: '/data',
            Driver: 'local',
            Mode: 'z',
            RW: true,
          },
          {
            Type: 'bind',
            Source: '/etc',
            Destination: '/host/etc',
            Mode: 'ro,rshared,z',
            RW: false,
            Propagation: 'rshared',
          },
          {
            Type: 'bind',
            Source: '/srv/www',
            Destination: '/usr/share/nginx/html',
            Mode: '',
            RW: false,
            Propagation: 'rprivate',
          },
        ],
      }),
    );
    expect(spec.mounts).toEqual([
      {
        type: 'bind',
        source: '/var/run/docker.sock',
        destination: '/var/run/docker.sock',
        readOnly: true,
        propagation: 'rprivate',
      },
      { type: 'volume', source: 'data', destination: '/data', readOnly: false, propagation: '' },
      { type: 'bind', source: '/etc', destination: '/host/etc', readOnly: true, propagation: 'rshared' },
      {
        type: 'bind',
        source: '/srv/www',
        destination: '/usr/share/nginx/html',
        readOnly: true,
        propagation: 'rprivate',
      },
      { type: 'tmpfs', source: '', destination: '/run', readOnly: false, propagation: '' },
    ]);
  });

  it('reads long-form mounts with BindOptions on 1.52', () => {
    const spec = specFromInspect(
      inspectV152({
        HostConfig: {
          Mounts: [{ Type: 'bind', Source: '/', Target: '/host', BindOptions: { Propagation: 'rslave' } }],
        },
      }),
    );
    expect(spec.mounts).toEqual([
      { type: 'bind', source: '/', destination: '/host', readOnly: false, propagation: 'rslave' },
    ]);
  });

  it('reads a POST /containers/create body (Config fields at top level)', () => {
    const spec = specFromInspect({
      Image: 'alpine:3.20',
      User: 'root',
      Cmd: 'sh',
      Env: ['A=1'],
      Healthcheck: { Test: ['CMD', 'true'], Interval: 30_000_000_000 },
      HostConfig: {
        Privileged: true,
        CapAdd: ['SYS_ADMIN'],
        Binds: ['/:/host'],
        PortBindings: { '22/tcp': [{ HostIp: '', HostPort: '2222' }] },
        NetworkMode: 'host',
        PidsLimit: 0,
      },
      NetworkingConfig: { EndpointsConfig: {} },
    });
    expect(spec.source).toBe('authz');
    expect(spec.image).toBe('alpine:3.20');
    expect(spec.imageId).toBeUndefined();
    expect(spec.user).toBe('root');
    expect(spec.cmd).toEqual(['sh']);
    expect(spec.privileged).toBe(true);
    expect(spec.capAdd).toEqual(['SYS_ADMIN']);
    expect(spec.mounts).toEqual([
      { type: 'bind', source: '/', destination: '/host', readOnly: false, propagation: '' },
    ]);
    expect(spec.portBindings).toEqual([{ containerPort: 22, protocol: 'tcp', hostIp: '', hostPort: 2222 }]);
    expect(spec.networkMode).toBe('host');
    expect(spec.pidsLimit).toBe(0);
    expect(spec.healthcheck).toEqual({ test: ['CMD', 'true'], intervalNs: 30_000_000_000 });
  });

  it.each([
    ['null', null],
    ['a string', 'nope'],
    ['empty object', {}],
    [
      'wrong field types',
      { Config: { Env: 'x', Cmd: 3 }, HostConfig: { CapAdd: 'ALL', Memory: '1g', Mounts: 5 } },
    ],
  ])('never throws on %s', (_n, body) => {
    const spec = specFromInspect(body);
    expect(spec.capAdd).toEqual([]);
    expect(spec.memory).toBe(0);
    expect(spec.mounts).toEqual([]);
  });

  it('reads sysctls, ulimits, devices, blkio throttles and log config', () => {
    const spec = specFromInspect(
      inspectV152({
        HostConfig: {
          Sysctls: { 'net.ipv4.ip_forward': '1' },
          Ulimits: [{ Name: 'nofile', Soft: 1024, Hard: 2048 }],
          Devices: [{ PathOnHost: '/dev/fuse', PathInContainer: '/dev/fuse', CgroupPermissions: 'rwm' }],
          BlkioDeviceReadBps: [{ Path: '/dev/sda', Rate: 1048576 }],
          LogConfig: { Type: 'json-file', Config: { 'max-size': '10m' } },
          Annotations: { 'io.kubernetes.cri.container-type': 'container' },
        },
      }),
    );
    expect(spec.sysctls).toEqual({ 'net.ipv4.ip_forward': '1' });
    expect(spec.ulimits).toEqual([{ name: 'nofile', soft: 1024, hard: 2048 }]);
    expect(spec.devices).toEqual([
      { pathOnHost: '/dev/fuse', pathInContainer: '/dev/fuse', permissions: 'rwm' },
    ]);
    expect(spec.blkioDeviceReadBps).toEqual([{ path: '/dev/sda', rate: 1048576 }]);
    expect(spec.logConfig).toEqual({ type: 'json-file', config: { 'max-size': '10m' } });
  });
});

describe('parseBind', () => {
  it.each([
    ['/a:/b', { type: 'bind', source: '/a', destination: '/b', readOnly: false, propagation: '' }],
    ['/a:/b:ro', { type: 'bind', source: '/a', destination: '/b', readOnly: true, propagation: '' }],
    [
      '/a:/b:z,shared',
      { type: 'bind', source: '/a', destination: '/b', readOnly: false, propagation: 'shared' },
    ],
    ['vol:/b:nocopy', { type: 'volume', source: 'vol', destination: '/b', readOnly: false, propagation: '' }],
  ])('%s', (bind, expected) => {
    expect(parseBind(bind)).toEqual(expected);
  });
});

describe('containerFromInspect', () => {
  it.each(shapes)('%s: state, networks, processes, image user', (_n, build) => {
    const c = containerFromInspect(build({ RestartCount: 3 }), {
      top: topOf(
        ['root', '24518', 'nginx: master process nginx -g daemon off;'],
        ['101', '24570', 'nginx: worker process'],
      ),
      image: imageInspect({
        User: 'nginx',
        Healthcheck: { Test: ['CMD', 'curl', '-f', 'http://localhost/'] },
      }),
    });
    expect(c.id).toHaveLength(64);
    expect(c.name).toBe('web');
    expect(c.state).toBe('running');
    expect(c.restartCount).toBe(3);
    expect(c.appArmorProfile).toBe('docker-default');
    expect(c.networks).toEqual(['bridge']);
    expect(c.startedAt).toBe('2026-11-20T09:14:04.002347731Z');
    expect(c.processes).toEqual([
      { user: 'root', pid: '24518', command: 'nginx: master process nginx -g daemon off;' },
      { user: '101', pid: '24570', command: 'nginx: worker process' },
    ]);
    expect(c.imageUser).toBe('nginx');
    expect(c.imageHealthcheck).toEqual({ test: ['CMD', 'curl', '-f', 'http://localhost/'] });
  });

  it('leaves processes/execs/imageUser undefined when not collected; a never-started container has no startedAt', () => {
    const c = containerFromInspect(
      inspectV152({ State: { Status: 'created', Running: false, StartedAt: '0001-01-01T00:00:00Z' } }),
    );
    expect(c.state).toBe('created');
    expect(c.processes).toBeUndefined();
    expect(c.execs).toBeUndefined();
    expect(c.imageUser).toBeUndefined();
    expect(c.startedAt).toBeUndefined();
  });

  it('reads execs', () => {
    const c = containerFromInspect(inspectV152(), {
      execs: [
        {
          CanRemove: false,
          ContainerID: 'x',
          DetachKeys: '',
          ExitCode: null,
          ID: 'e1',
          OpenStderr: true,
          OpenStdin: true,
          OpenStdout: true,
          ProcessConfig: { arguments: [], entrypoint: 'bash', privileged: true, tty: true, user: 'root' },
          Running: true,
          Pid: 4242,
        },
      ],
    });
    expect(c.execs).toEqual([{ id: 'e1', privileged: true, user: 'root', command: ['bash'], running: true }]);
  });
});

describe('execFromInspect', () => {
  it('tolerates a broken body', () => {
    expect(execFromInspect(null)).toEqual({
      id: '',
      privileged: false,
      user: '',
      command: [],
      running: false,
    });
  });
  it('joins entrypoint and arguments', () => {
    expect(
      execFromInspect({ ID: 'e2', ProcessConfig: { entrypoint: 'sh', arguments: ['-c', 'id'], user: '' } })
        .command,
    ).toEqual(['sh', '-c', 'id']);
  });
});
