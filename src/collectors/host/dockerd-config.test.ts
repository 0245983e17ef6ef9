import { describe, expect, it } from 'vitest';
import type { ProcessFact } from '../../facts/host.js';
import { effectiveDockerd, keepDockerdServing, parseDockerdArgs } from './dockerd-config.js';

const proc = (argv: string[], uid = 0): ProcessFact => ({ pid: 100, name: 'dockerd', argv, uid });

describe('parseDockerdArgs', () => {
  it('reads the flags of a systemd ExecStart line', () => {
    expect(
      parseDockerdArgs([
        '/usr/bin/dockerd',
        '-H',
        'fd://',
        '--containerd=/run/containerd/containerd.sock',
        '-H=tcp://0.0.0.0:2376',
        '--tlsverify',
        '--tlscacert',
        '/etc/docker/tls/ca.pem',
        '--tlscert=/etc/docker/tls/server.pem',
        '--tlskey=/etc/docker/tls/server-key.pem',
        '--data-root',
        '/srv/docker',
      ]),
    ).toEqual({
      hosts: ['fd://', 'tcp://0.0.0.0:2376'],
      tlsverify: true,
      tlscacert: '/etc/docker/tls/ca.pem',
      tlscert: '/etc/docker/tls/server.pem',
      tlskey: '/etc/docker/tls/server-key.pem',
      dataRoot: '/srv/docker',
      containerd: '/run/containerd/containerd.sock',
    });
  });

  it('handles glued short flags, legacy -g/--graph and --flag=false', () => {
    expect(
      parseDockerdArgs(['dockerd', '-Hunix:///run/d.sock', '-g', '/data/docker', '--tls=false']),
    ).toEqual({
      hosts: ['unix:///run/d.sock'],
      dataRoot: '/data/docker',
      tls: false,
    });
  });
});

describe('effectiveDockerd', () => {
  it('defaults without a running daemon or daemon.json', () => {
    const e = effectiveDockerd({ processes: [] });
    expect(e.running).toBe(false);
    expect(e.dataRoot).toEqual({ path: '/var/lib/docker', source: 'default' });
    expect(e.tls.enabled).toBe(false);
    expect(e.sockets).toEqual([{ path: '/var/run/docker.sock', source: 'default' }]);
    expect(e.configFile).toBe('/etc/docker/daemon.json');
  });

  it('prefers DockerRootDir, then flags, then daemon.json', () => {
    const p = [proc(['/usr/bin/dockerd', '--data-root=/flag'])];
    expect(
      effectiveDockerd({ processes: p, daemonJson: { 'data-root': '/json' }, dockerRootDir: '/info' })
        .dataRoot.path,
    ).toBe('/info');
    expect(effectiveDockerd({ processes: p, daemonJson: { 'data-root': '/json' } }).dataRoot.path).toBe(
      '/flag',
    );
    expect(effectiveDockerd({ processes: [], daemonJson: { 'data-root': '/json' } }).dataRoot).toEqual({
      path: '/json',
      source: 'daemon.json "data-root"',
    });
    expect(effectiveDockerd({ processes: [], daemonJson: { graph: '/old' } }).dataRoot.path).toBe('/old');
  });

  it('takes TLS files from daemon.json, with defaults for files not named', () => {
    const e = effectiveDockerd({
      processes: [],
      daemonJson: { tlsverify: true, tlscacert: '/etc/docker/ca.pem', tlscert: '/etc/docker/cert.pem' },
    });
    expect(e.tls.enabled).toBe(true);
    expect(e.tls.ca).toEqual({ path: '/etc/docker/ca.pem', source: 'daemon.json "tlscacert"' });
    expect(e.tls.cert?.path).toBe('/etc/docker/cert.pem');
    expect(e.tls.key).toEqual({ path: '/root/.docker/key.pem', source: 'default (/root/.docker)' });
  });

  it('has no CA without --tlsverify unless one is named', () => {
    const e = effectiveDockerd({
      processes: [proc(['dockerd', '--tls', '--tlscert=/c.pem', '--tlskey=/k.pem'])],
    });
    expect(e.tls).toMatchObject({ enabled: true, verify: false });
    expect(e.tls.ca).toBeUndefined();
  });

  it('lists unix sockets from -H flags and daemon.json hosts', () => {
    const e = effectiveDockerd({
      processes: [proc(['dockerd', '-H', 'unix:///run/custom.sock', '-H', 'tcp://127.0.0.1:2375'])],
      daemonJson: { hosts: ['unix://'] },
    });
    expect(e.sockets.map((s) => s.path)).toEqual(['/run/custom.sock', '/var/run/docker.sock']);
    expect(effectiveDockerd({ processes: [proc(['dockerd', '-H', 'tcp://0.0.0.0:2375'])] }).sockets).toEqual(
      [],
    );
  });

  it('prefers the root dockerd over a rootless one', () => {
    const e = effectiveDockerd({
      processes: [
        { pid: 5, name: 'dockerd', argv: ['dockerd', '--data-root=/home/u/.local/share/docker'], uid: 1000 },
        proc(['dockerd', '--data-root=/srv/docker']),
      ],
    });
    expect(e.dataRoot.path).toBe('/srv/docker');
  });
  it('lists containerd sockets: named, system default, or managed under the exec root', () => {
    const named = effectiveDockerd({
      processes: [proc(['dockerd', '--containerd=/run/k3s/containerd.sock'])],
    });
    expect(named.containerdSockets.map((c) => `${c.path} (${c.source})`)).toEqual([
      '/run/k3s/containerd.sock (dockerd --containerd)',
      '/run/containerd/containerd.sock (default)',
    ]);
    const managed = effectiveDockerd({ processes: [proc(['dockerd', '--exec-root', '/run/dkr/'])] });
    expect(managed.containerdSockets.map((c) => c.path)).toEqual([
      '/run/containerd/containerd.sock',
      '/run/dkr/containerd/containerd.sock',
    ]);
  });
});

describe('keepDockerdServing', () => {
  const proc = (pid: number, argv: string[]) => ({ pid, name: argv[0]!.split('/').pop()!, argv, uid: 0 });
  const system = proc(100, [
    '/usr/sbin/dockerd',
    '-H',
    'fd://',
    '--containerd=/run/containerd/containerd.sock',
  ]);
  const test = proc(200, ['dockerd', '--data-root', '/tmp/d/data', '-H', 'unix:///tmp/d/docker.sock']);
  const plain = proc(300, ['/usr/bin/dockerd']);
  const sshd = proc(400, ['/usr/sbin/sshd', '-D']);

  it('keeps the dockerd serving the audited socket and drops the others', () => {
    expect(keepDockerdServing([system, test, sshd], 'unix:///tmp/d/docker.sock').map((p) => p.pid)).toEqual([
      200, 400,
    ]);
    expect(keepDockerdServing([plain, test], '/var/run/docker.sock').map((p) => p.pid)).toEqual([300]);
    // -H fd:// (systemd socket activation) serves the default socket
    expect(keepDockerdServing([system, test], 'unix:///var/run/docker.sock').map((p) => p.pid)).toEqual([
      100,
    ]);
  });

  it('changes nothing with one dockerd, or when none is known to serve the socket', () => {
    expect(keepDockerdServing([system, sshd], 'unix:///tmp/d/docker.sock')).toHaveLength(2);
    expect(keepDockerdServing([system, test], 'unix:///elsewhere.sock')).toHaveLength(2);
  });
});
