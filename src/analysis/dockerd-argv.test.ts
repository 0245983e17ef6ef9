import { describe, expect, it } from 'vitest';
import { parseDockerdArgv } from './dockerd-argv.js';

describe('parseDockerdArgv', () => {
  it('reads the stock systemd command line', () => {
    const a = parseDockerdArgv([
      '/usr/bin/dockerd',
      '-H',
      'fd://',
      '--containerd=/run/containerd/containerd.sock',
    ]);
    expect(a.flags).toEqual({ host: ['fd://'], containerd: ['/run/containerd/containerd.sock'] });
  });

  it('handles every pflag spelling and repeated flags', () => {
    const a = parseDockerdArgv([
      'dockerd',
      '-H',
      'unix:///var/run/docker.sock',
      '-Htcp://0.0.0.0:2375',
      '--host=tcp://127.0.0.1:2376',
      '-D',
      '--tlsverify',
      '--icc=false',
      '--live-restore',
      '--userland-proxy=0',
      '--log-opt',
      'max-size=10m',
      '--log-opt=max-file=3',
      '--default-ulimit',
      'nofile=1024:4096',
      '-l',
      'warn',
      '--storage-opt',
      'dm.basesize=20G',
    ]);
    expect(a.flags.host).toEqual([
      'unix:///var/run/docker.sock',
      'tcp://0.0.0.0:2375',
      'tcp://127.0.0.1:2376',
    ]);
    expect(a.flags.debug).toEqual(['true']);
    expect(a.flags.tlsverify).toEqual(['true']);
    expect(a.flags.icc).toEqual(['false']);
    expect(a.flags['live-restore']).toEqual(['true']);
    expect(a.flags['userland-proxy']).toEqual(['false']);
    expect(a.flags['log-opt']).toEqual(['max-size=10m', 'max-file=3']);
    expect(a.flags['default-ulimit']).toEqual(['nofile=1024:4096']);
    expect(a.flags['log-level']).toEqual(['warn']);
    expect(a.flags['storage-opt']).toEqual(['dm.basesize=20G']);
  });

  it('does not let a boolean flag swallow the next token', () => {
    const a = parseDockerdArgv(['dockerd', '--tlsverify', '--tlscacert', '/etc/docker/ca.pem']);
    expect(a.flags).toEqual({ tlsverify: ['true'], tlscacert: ['/etc/docker/ca.pem'] });
  });

  it('starts after a wrapper (rootlesskit ... dockerd)', () => {
    const a = parseDockerdArgv(['rootlesskit', '--net=slirp4netns', 'dockerd', '--rootless']);
    expect(a.flags).toEqual({ rootless: ['true'] });
  });
});
