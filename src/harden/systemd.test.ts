import { describe, expect, it } from 'vitest';
import { dockerdDropIn, stripDockerdFlags, systemdQuote } from './systemd.js';

describe('stripDockerdFlags', () => {
  it.each([
    [
      'stock unit',
      ['/usr/bin/dockerd', '-H', 'fd://', '--containerd=/run/containerd/containerd.sock'],
      ['host'],
      ['/usr/bin/dockerd', '--containerd=/run/containerd/containerd.sock'],
    ],
    [
      'every -H spelling',
      [
        '/usr/bin/dockerd',
        '-Hfd://',
        '-H=unix:///a.sock',
        '--host',
        'tcp://0.0.0.0:2375',
        '--host=tcp://[::]:2376',
        '--debug',
      ],
      ['host'],
      ['/usr/bin/dockerd', '--debug'],
    ],
    [
      'a boolean never takes the next token',
      ['/usr/bin/dockerd', '--icc', '-H', 'fd://'],
      ['icc'],
      ['/usr/bin/dockerd', '-H', 'fd://'],
    ],
    [
      'values of other flags are kept with them',
      ['/usr/bin/dockerd', '--log-opt', 'max-size=1m', '--log-level', 'warn', '--tlsverify'],
      ['log-opt', 'tlsverify'],
      ['/usr/bin/dockerd', '--log-level', 'warn'],
    ],
    [
      'rootlesskit wrapper before dockerd',
      ['rootlesskit', '--net=slirp4netns', 'dockerd', '-H', 'unix:///run/user/1000/docker.sock'],
      ['host'],
      ['rootlesskit', '--net=slirp4netns', 'dockerd'],
    ],
  ])('%s', (_n, argv, flags, want) => expect(stripDockerdFlags(argv, flags)).toEqual(want));
});

describe('systemdQuote', () => {
  it.each([
    ['/usr/bin/dockerd', '/usr/bin/dockerd'],
    ['--label=a b', '"--label=a b"'],
    ['--data-root=/srv/$HOME', '--data-root=/srv/$$HOME'],
    ['--x=50%', '--x=50%%'],
    ['say "hi"', '"say \\"hi\\""'],
  ])('%j -> %s', (arg, want) => expect(systemdQuote(arg)).toBe(want));
});

describe('dockerdDropIn', () => {
  it('resets ExecStart and repeats the command without the moved flags', () => {
    const f = dockerdDropIn(
      ['/usr/bin/dockerd', '-H', 'fd://', '--containerd=/run/containerd/containerd.sock'],
      ['host'],
    );
    expect(f.target).toBe('/etc/systemd/system/docker.service.d/bulkhead.conf');
    const lines = f.content.split('\n').filter((l) => !l.startsWith('#') && l !== '');
    expect(lines).toEqual([
      '[Service]',
      'ExecStart=',
      'ExecStart=/usr/bin/dockerd --containerd=/run/containerd/containerd.sock',
    ]);
    expect(f.next).toEqual(['systemctl daemon-reload', 'systemctl restart docker']);
  });
});
