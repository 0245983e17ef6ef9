import { execFileSync } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectHost, processName } from './index.js';

let root: string;
let server: Server | undefined;

const put = async (p: string, content: string, mode = 0o644): Promise<void> => {
  const full = path.join(root, p);
  await mkdir(path.dirname(full), { recursive: true });
  await writeFile(full, content);
  await chmod(full, mode);
};
const link = async (p: string, target: string): Promise<void> => {
  const full = path.join(root, p);
  await mkdir(path.dirname(full), { recursive: true });
  await symlink(target, full);
};

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'bulkhead-host-'));
  await put('/etc/hostname', 'node-1\n');
  await put('/etc/os-release', 'ID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n');
  await put('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/bash\n');
  await put('/etc/group', 'root:x:0:\nalice:x:1000:\ndocker:x:998:alice\n');
  await put('/proc/sys/kernel/osrelease', '6.1.0-28-amd64\n');
  await put('/proc/sys/net/ipv4/ip_forward', '1\n');
  await put('/proc/sys/net/ipv4/conf/all/route_localnet', '0\n');
  await put('/proc/sys/user/max_user_namespaces', '63439\n');
  await put('/sys/fs/cgroup/cgroup.controllers', 'cpuset cpu io memory hugetlb pids rdma misc\n');
  await put('/proc/mounts', '/dev/sda1 / ext4 rw,relatime 0 0\n/dev/sdb1 /srv/docker xfs rw,relatime 0 0\n');
  await put(
    '/proc/net/tcp',
    '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n' +
      '   0: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 18721 1 0 100 0 0 10 0\n' +
      '   1: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 41502 1 0 100 0 0 10 0\n' +
      '   2: 0100007F:0CEA 00000000:0000 0A 00000000:00000000 00:00000000 00000000   999        0 30211 1 0 100 0 0 10 0\n',
  );
  await put('/proc/net/tcp6', '  sl  local_address remote_address st\n');
  const dockerdArgv = [
    '/usr/bin/dockerd',
    '-H',
    'fd://',
    '-H',
    'tcp://0.0.0.0:2376',
    '--tlsverify',
    '--tlscacert=/etc/docker/tls/ca.pem',
    '--data-root',
    '/srv/docker',
  ];
  await put('/proc/812/cmdline', `${dockerdArgv.join('\0')}\0`);
  await put('/proc/812/status', 'Name:\tdockerd\nUid:\t0\t0\t0\t0\n');
  await link('/proc/812/fd/0', '/dev/null');
  await link('/proc/812/fd/7', 'socket:[55555]');
  await put(
    '/proc/650/cmdline',
    '/usr/bin/docker-proxy\0-proto\0tcp\0-host-ip\x000.0.0.0\0-host-port\x008080\0',
  );
  await put('/proc/650/status', 'Uid:\t0\t0\t0\t0\n');
  await link('/proc/650/fd/4', 'socket:[41502]');
  await put('/proc/500/cmdline', 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups');
  await put('/proc/500/status', 'Uid:\t0\t0\t0\t0\n');
  await link('/proc/500/fd/3', 'socket:[18721]');
  await put('/proc/77/cmdline', '/bin/bash\0-l\0');
  await put('/proc/2/cmdline', '');

  await put(
    '/etc/docker/daemon.json',
    JSON.stringify({
      tlscert: '/etc/docker/tls/server.pem',
      tlskey: '/etc/docker/tls/server-key.pem',
      'log-level': 'info',
    }),
  );
  await chmod(path.join(root, '/etc/docker'), 0o755);
  await put('/etc/docker/tls/ca.pem', 'CA', 0o444);
  await put('/etc/docker/tls/server.pem', 'CERT', 0o644);
  await put('/etc/docker/tls/server-key.pem', 'KEY', 0o600);
  await put('/etc/docker/certs.d/registry.example.com:5000/ca.crt', 'CA', 0o444);
  await put('/etc/docker/certs.d/registry.example.com:5000/client.key', 'KEY', 0o400);
  await put('/etc/default/docker', 'DOCKER_OPTS="--dns 8.8.8.8"\n', 0o644);
  await put('/lib/systemd/system/docker.service', '[Service]\nExecStart=/usr/bin/dockerd -H fd://\n', 0o644);
  await put('/etc/systemd/system/docker.service', '[Service]\nExecStart=/usr/bin/dockerd -H fd://\n', 0o664);
  await put('/lib/systemd/system/docker.socket', '[Socket]\nListenStream=/run/docker.sock\n', 0o644);
  await put('/usr/lib/systemd/system/containerd.service', '[Service]\n', 0o644);
  for (const b of ['dockerd', 'containerd', 'containerd-shim-runc-v2', 'runc'])
    await put(`/usr/bin/${b}`, 'ELF', 0o755);
  await put('/usr/local/bin/runc', 'ELF', 0o755);
  await put('/etc/containerd/config.toml', 'version = 2\n', 0o644);
  await mkdir(path.join(root, '/srv/docker'), { recursive: true });
  await chmod(path.join(root, '/srv/docker'), 0o710);
  await mkdir(path.join(root, '/run/containerd'), { recursive: true });
  // /var/run -> /run is an absolute link: it must resolve inside the fake root
  await link('/var/run', '/run');
  server = createServer();
  await new Promise<void>((resolve) => server!.listen(path.join(root, '/run/docker.sock'), resolve));
  await chmod(path.join(root, '/run/docker.sock'), 0o660);
  await chown(path.join(root, '/run/docker.sock'), 0, 998);
  await chown(path.join(root, '/etc/default/docker'), 1000, 1000);
  await put(
    '/etc/audit/rules.d/docker.rules',
    '-w /usr/bin/dockerd -p rwxa -k docker\n-w /etc/docker -p rwxa -k docker\n',
  );
  await put('/etc/audit/audit.rules', '-D\n-w /usr/bin/dockerd -p rwxa -k docker\n-e 1\n');
  await put(
    '/.bulkhead/iptables-save',
    '*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:DOCKER-USER - [0:0]\n-A FORWARD -j DOCKER-USER\nCOMMIT\n',
  );
  await put(
    '/var/lib/dpkg/status',
    'Package: docker-ce\nStatus: install ok installed\nVersion: 5:27.3.1-1~debian.12~bookworm\n\nPackage: vim\nStatus: install ok installed\nVersion: 2:9.0\n',
  );
});

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await rm(root, { recursive: true, force: true });
});

describe('processName', () => {
  it.each([
    ['/usr/bin/dockerd', 'dockerd'],
    ['sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups', 'sshd'],
    ['sshd: alice@pts/0', 'sshd'],
    ['containerd', 'containerd'],
  ])('%s -> %s', (argv0, name) => expect(processName(argv0)).toBe(name));
});

describe('collectHost on a fake root', () => {
  it('collects every part', async () => {
    const f = await collectHost({
      root,
      env: { DOCKER_CONTENT_TRUST: '1', PATH: '/bin', DOCKER_HOST: 'unix:///var/run/docker.sock' },
      extraPaths: ['/etc/docker/extra.json'],
    });
    expect(f.errors).toEqual({});
    expect(f.root).toBe(root);
    expect(f.hostname).toBe('node-1');
    expect(f.kernelRelease).toBe('6.1.0-28-amd64');
    expect(f.osRelease.ID).toBe('debian');
    expect(f.cgroupVersion).toBe(2);
    expect(f.sysctls).toEqual({
      'net.ipv4.ip_forward': '1',
      'net.ipv4.conf.all.route_localnet': '0',
      'user.max_user_namespaces': '63439',
    });
    expect(f.env).toEqual({ DOCKER_CONTENT_TRUST: '1', DOCKER_HOST: 'unix:///var/run/docker.sock' });
    expect(f.mounts.map((m) => m.target)).toEqual(['/', '/srv/docker']);
    expect(f.groups.find((g) => g.name === 'docker')).toEqual({
      name: 'docker',
      gid: 998,
      members: ['alice'],
    });
    expect(f.packages).toEqual([
      { name: 'docker-ce', version: '5:27.3.1-1~debian.12~bookworm', status: 'install ok installed' },
    ]);
    expect(f.envFiles).toEqual({ '/etc/default/docker': 'DOCKER_OPTS="--dns 8.8.8.8"\n' });
  });

  it('keeps dockerd, docker-proxy and sshd with argv and uid, and attributes listeners', async () => {
    const f = await collectHost({ root });
    expect(f.processes.map((p) => `${p.pid}:${p.name}:${p.uid}`)).toEqual([
      '500:sshd:0',
      '650:docker-proxy:0',
      '812:dockerd:0',
    ]);
    expect(f.processes.find((p) => p.name === 'dockerd')?.argv).toContain('--tlsverify');
    expect(f.listeners).toEqual([
      { protocol: 'tcp', address: '0.0.0.0', port: 22, inode: 18721, pid: 500, process: 'sshd' },
      { protocol: 'tcp', address: '0.0.0.0', port: 8080, inode: 41502, pid: 650, process: 'docker-proxy' },
      { protocol: 'tcp', address: '127.0.0.1', port: 3306, inode: 30211 },
    ]);
  });

  it('stats the files the CIS controls name, with names from the root passwd/group', async () => {
    const f = await collectHost({ root, extraPaths: ['/etc/docker/extra.json'] });
    expect(f.units).toEqual({
      'docker.service': '/etc/systemd/system/docker.service',
      'docker.socket': '/lib/systemd/system/docker.socket',
      'containerd.service': '/usr/lib/systemd/system/containerd.service',
    });
    expect(f.files['/etc/systemd/system/docker.service']).toMatchObject({
      exists: true,
      type: 'file',
      mode: 0o664,
      uid: 0,
      user: 'root',
      group: 'root',
    });
    expect(f.files['/etc/docker']).toMatchObject({ type: 'dir', mode: 0o755 });
    expect(f.files['/srv/docker']).toMatchObject({ type: 'dir', mode: 0o710 });
    expect(f.files['/var/lib/docker']).toBeUndefined();
    // /var/run is a link to /run inside the fake root: the socket's own facts are reported
    expect(f.files['/var/run/docker.sock']).toMatchObject({
      exists: true,
      type: 'socket',
      mode: 0o660,
      uid: 0,
      gid: 998,
      group: 'docker',
    });
    expect(f.files['/etc/default/docker']).toMatchObject({ uid: 1000, user: 'alice', group: 'alice' });
    expect(f.files['/etc/docker/tls/ca.pem']).toMatchObject({ exists: true, mode: 0o444 });
    expect(f.files['/etc/docker/tls/server.pem']).toMatchObject({ exists: true, mode: 0o644 });
    expect(f.files['/etc/docker/tls/server-key.pem']).toMatchObject({ exists: true, mode: 0o600 });
    expect(f.files['/etc/docker/certs.d/registry.example.com:5000/ca.crt']).toMatchObject({ mode: 0o444 });
    expect(f.files['/etc/docker/certs.d/registry.example.com:5000/client.key']).toMatchObject({
      mode: 0o400,
    });
    expect(f.files['/usr/bin/containerd-shim']).toEqual({ path: '/usr/bin/containerd-shim', exists: false });
    expect(f.files['/usr/local/bin/runc']).toMatchObject({ exists: true });
    expect(f.files['/usr/local/bin/dockerd']).toBeUndefined();
    expect(f.files['/run/containerd']).toMatchObject({ type: 'dir' });
    expect(f.files['/run/containerd/containerd.sock']).toEqual({
      path: '/run/containerd/containerd.sock',
      exists: false,
    });
    expect(f.files['/etc/sysconfig/docker']?.exists).toBe(false);
    expect(f.files['/etc/docker/extra.json']?.exists).toBe(false);
  });

  it('reads daemon.json, audit rule files and the firewall fixture', async () => {
    const f = await collectHost({ root });
    expect(f.daemonJson?.path).toBe('/etc/docker/daemon.json');
    expect(f.daemonJson?.parsed?.['log-level']).toBe('info');
    expect(f.audit).toEqual({
      source: 'files',
      rules: ['-w /usr/bin/dockerd -p rwxa -k docker', '-w /etc/docker -p rwxa -k docker'],
    });
    expect(f.firewall?.backend).toBe('iptables');
    expect(f.firewall?.chains.find((c) => c.name === 'FORWARD')).toMatchObject({
      policy: 'ACCEPT',
      rules: ['-A FORWARD -j DOCKER-USER'],
    });
  });

  it('records missing parts in errors instead of throwing', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'bulkhead-empty-'));
    try {
      await put(`../${path.basename(empty)}/etc/docker/daemon.json`, '{"debug": true,');
      // masked unit: /etc/systemd/system/docker.socket -> /dev/null hides the packaged fragment
      await put(`../${path.basename(empty)}/lib/systemd/system/docker.socket`, '[Socket]\n');
      await link(`../${path.basename(empty)}/etc/systemd/system/docker.socket`, '/dev/null');
      await mkdir(path.join(empty, 'dev'), { recursive: true });
      execFileSync('mknod', [path.join(empty, 'dev', 'null'), 'c', '1', '3']);
      const f = await collectHost({ root: empty });
      expect(f.units).toEqual({});
      expect(f.daemonJson?.parsed).toBeUndefined();
      expect(f.daemonJson?.error).toMatch(/JSON/);
      expect(Object.keys(f.errors).sort()).toEqual(
        expect.arrayContaining([
          'firewall',
          'groups',
          'kernelRelease',
          'listeners',
          'mounts',
          'passwd',
          'processes',
        ]),
      );
      expect(f.firewall).toBeUndefined();
      // no audit framework on disk at all: readable, and empty
      expect(f.audit).toEqual({ source: 'files', rules: [] });
      expect(f.files['/var/lib/docker']).toEqual({ path: '/var/lib/docker', exists: false });
      expect(f.mounts).toEqual([]);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});

describe('collectHost on the live host', () => {
  it('returns without throwing, quickly', async () => {
    const start = performance.now();
    const f = await collectHost({ root: '/' });
    const ms = performance.now() - start;
    expect(f.root).toBe('/');
    expect(typeof f.errors).toBe('object');
    expect(Array.isArray(f.listeners)).toBe(true);
    // generous bound for a shared CI box; the typical figure is far lower
    expect(ms).toBeLessThan(5000);
  });
});
