import { describe, expect, it } from 'vitest';
import { input } from '../../test/fixtures/harden/kit.js';
import {
  type DaemonHostOver,
  daemonFacts,
  daemonHost,
  listener,
  swarmInfoJson,
} from '../../test/kit/daemon.js';
import { snapshot } from '../../test/kit/snapshot.js';
import { UsageError } from '../core/errors.js';
import type { Snapshot } from '../facts/snapshot.js';
import { type DaemonJsonOptions, planDaemonJson, remoteHost } from './daemon-json.js';

/** A Debian host with the stock unit (-H fd://) and the given daemon.json; engine 29 defaults otherwise. */
const snap = (host: DaemonHostOver = {}, info: unknown = {}, bridge: Record<string, string> = {}): Snapshot =>
  snapshot({
    host: daemonHost({ units: { 'docker.service': '/lib/systemd/system/docker.service' }, ...host }),
    daemon: daemonFacts({ info, bridge }),
  });

const plan = (s: Snapshot, opts: DaemonJsonOptions = {}) => planDaemonJson(input(s), opts);
const daemonJson = (s: Snapshot, opts: DaemonJsonOptions = {}) =>
  JSON.parse(plan(s, opts).files[0]!.content) as Record<string, unknown>;

/** The same host after the generated file was applied and dockerd restarted: the API reports the new values. */
function restarted(json: Record<string, unknown>): Snapshot {
  return snap(
    { json },
    {
      LiveRestoreEnabled: json['live-restore'] === true,
      SecurityOptions: [
        'name=apparmor',
        'name=seccomp,profile=builtin',
        'name=cgroupns',
        ...(json['no-new-privileges'] ? ['name=no-new-privileges'] : []),
        ...(json['userns-remap'] ? ['name=userns'] : []),
      ],
    },
    { 'com.docker.network.bridge.enable_icc': String(json.icc !== false) },
  );
}

describe('daemon.json merge', () => {
  const user = {
    'log-level': 'warn',
    'registry-mirrors': ['https://mirror.example.com'],
    'x-vendor-extension': { nested: [1, 2, { deep: true }] },
    features: { buildkit: true },
  };

  it('keeps every key of the existing file, unknown ones included, and stays valid JSON', () => {
    const s = snap({ json: user });
    const out = daemonJson(s);
    expect(out).toMatchObject(user);
    expect(Object.keys(out).slice(0, 4)).toEqual(Object.keys(user));
    expect(out).toMatchObject({
      icc: false,
      'no-new-privileges': true,
      'live-restore': true,
      'userland-proxy': false,
      'log-driver': 'json-file',
      'log-opts': { 'max-size': '10m', 'max-file': '3' },
      'default-ulimits': { nofile: { Name: 'nofile', Soft: 65536, Hard: 65536 } },
    });
  });

  it.each([
    ['icc already off', { icc: false }, {}, { 'com.docker.network.bridge.enable_icc': 'false' }, 'icc'],
    ['userland proxy already off', { 'userland-proxy': false }, {}, {}, 'userland-proxy'],
    [
      'local driver rotating by default',
      { 'log-driver': 'local' },
      { LoggingDriver: 'local' },
      {},
      'log-opts',
    ],
  ])('changes nothing that already passes: %s', (_n, json: Record<string, unknown>, info, bridge, key) => {
    const s = snap({ json }, info, bridge);
    const p = plan(s);
    expect(p.changes.map((c) => c.setting).join(' ')).not.toContain(`"${key}"`);
    expect(p.merged).toMatchObject(json);
  });

  it('keeps stricter or explicit existing values while fixing the rest of a setting', () => {
    const s = snap({
      json: {
        'log-opts': { 'max-file': '2', labels: 'app' },
        'default-ulimits': {
          nofile: { Name: 'nofile', Soft: 4096, Hard: 2048 },
          nproc: { Name: 'nproc', Soft: 512, Hard: 1024 },
        },
      },
    });
    const out = daemonJson(s);
    expect(out['log-opts']).toEqual({ 'max-file': '2', labels: 'app', 'max-size': '10m' });
    expect(out['default-ulimits']).toEqual({
      nofile: { Name: 'nofile', Soft: 4096, Hard: 4096 },
      nproc: { Name: 'nproc', Soft: 512, Hard: 1024 },
    });
  });

  it('is idempotent: nothing changes once applied, restarted or not', () => {
    const first = plan(snap({ json: user }));
    expect(first.changes.length).toBeGreaterThan(0);
    const written = first.files[0]!.content;
    // Applied but not restarted: the API still reports the old values, the checks still fail.
    const pending = snap({ json: JSON.parse(written) });
    pending.host!.daemonJson!.raw = written;
    const second = plan(pending);
    expect(second.changes).toEqual([]);
    expect(second.files[0]).toMatchObject({ content: written, changed: false });
    // Restarted: the checks pass, so there is nothing to do either.
    const third = plan(restarted(JSON.parse(written)));
    expect(third.changes).toEqual([]);
    expect(third.files[0]!.changed).toBe(false);
  });

  it('refuses to merge into a file that is not valid JSON', () => {
    const s = snap({});
    s.host!.daemonJson = {
      path: '/etc/docker/daemon.json',
      raw: '{"icc": false,}',
      error: 'Unexpected token }',
    };
    expect(() => plan(s)).toThrow(UsageError);
  });

  it('without host facts (remote daemon) lists the settings but does not apply them', () => {
    const s = snapshot({
      daemon: daemonFacts(),
      gaps: { host: 'the daemon at tcp://10.0.0.5:2376 is remote' },
    });
    const p = plan(s);
    expect(p.files[0]).toMatchObject({ apply: false });
    expect(p.notes.join('\n')).toContain('not merged');
  });
});

describe('daemon.json settings that need care', () => {
  it('leaves icc alone when dockerd runs without iptables (dockerd would refuse to start)', () => {
    const p = plan(snap({ dockerd: ['-H', 'fd://', '--iptables=false'] }));
    expect(p.merged.icc).toBeUndefined();
    expect(p.notes.join('\n')).toMatch(/"icc": not set: .*iptables disabled/);
  });

  it('leaves live-restore alone in swarm mode', () => {
    const s = snap({}, { Swarm: swarmInfoJson() });
    expect(plan(s).merged['live-restore']).toBeUndefined();
  });

  it.each([
    ['an empty daemon', { Containers: 0 }, {}, 'default', undefined],
    ['a daemon with containers', { Containers: 12 }, {}, undefined, /12 containers: .*disappear/],
    [
      'a kernel without user namespaces',
      { Containers: 0 },
      { sysctls: { 'user.max_user_namespaces': '0' } },
      undefined,
      /user.max_user_namespaces = 0/,
    ],
  ] as const)('userns-remap on %s', (_n, info, host, value, note) => {
    const p = plan(snap(host, info));
    expect(p.merged['userns-remap']).toBe(value);
    if (note) expect(p.notes.join('\n')).toMatch(note);
  });

  it('never touches an excluded key', () => {
    const p = plan(snap({}, { Containers: 0 }), { exclude: ['userns-remap', 'icc'] });
    expect(p.merged['userns-remap']).toBeUndefined();
    expect(p.merged.icc).toBeUndefined();
  });

  it('moves a conflicting flag off the command line with a drop-in, carrying its values', () => {
    const s = snap({
      dockerd: ['-H', 'fd://', '--log-opt', 'max-file=5', '--containerd=/run/containerd/containerd.sock'],
    });
    const p = plan(s);
    expect(p.merged['log-opts']).toEqual({ 'max-file': '5', 'max-size': '10m' });
    expect(p.stripFlags).toEqual(['log-opt']);
    const dropIn = p.files.find((f) => f.target === '/etc/systemd/system/docker.service.d/bulkhead.conf');
    expect(dropIn?.content).toContain(
      'ExecStart=\nExecStart=/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock\n',
    );
  });

  it('without a docker.service unit, leaves a setting whose flag is on the command line alone', () => {
    const s = snapshot({
      host: daemonHost({ dockerd: ['--userland-proxy=true', '-H', 'unix:///tmp/d.sock'] }),
      daemon: daemonFacts(),
    });
    const p = plan(s);
    expect(p.merged['userland-proxy']).toBeUndefined();
    expect(p.files).toHaveLength(1);
    expect(p.notes.join('\n')).toMatch(
      /"userland-proxy": not set: .*--userland-proxy .*no docker.service unit/,
    );
  });
});

describe('remote access', () => {
  it('adds TLS with the certificates of `bulkhead tls init` and the address to hosts, moving -H to daemon.json', () => {
    const p = plan(snap({}), { remoteAddress: '10.0.0.5', tlsDir: '/etc/docker/tls/' });
    expect(p.merged).toMatchObject({
      tls: true,
      tlsverify: true,
      tlscacert: '/etc/docker/tls/ca.pem',
      tlscert: '/etc/docker/tls/server-cert.pem',
      tlskey: '/etc/docker/tls/server-key.pem',
      hosts: ['fd://', 'tcp://10.0.0.5:2376'],
    });
    expect(p.stripFlags).toEqual(['host']);
    expect(p.files[1]!.content).toMatch(
      /^ExecStart=\/usr\/bin\/dockerd --containerd=\/run\/containerd\/containerd.sock$/m,
    );
  });

  it('turns on client verification for a plain TCP daemon and keeps the certificates it already names', () => {
    const s = snap({
      dockerd: ['-H', 'fd://'],
      json: {
        hosts: ['tcp://0.0.0.0:2376'],
        tls: true,
        tlscert: '/srv/pki/cert.pem',
        tlskey: '/srv/pki/key.pem',
      },
      listeners: [listener('0.0.0.0', 2376)],
    });
    const p = plan(s, { tlsDir: '/etc/docker/tls' });
    expect(p.merged).toMatchObject({
      tlsverify: true,
      tlscert: '/srv/pki/cert.pem',
      tlskey: '/srv/pki/key.pem',
      tlscacert: '/etc/docker/tls/ca.pem',
    });
  });

  it('changes nothing about TLS when no remote access is wanted and none is exposed', () => {
    const p = plan(snap({}), { tlsDir: '/etc/docker/tls' });
    expect(p.merged.tlsverify).toBeUndefined();
    expect(p.merged.hosts).toBeUndefined();
  });

  it.each([
    ['10.0.0.5', 'tcp://10.0.0.5:2376'],
    ['docker.example.com:3376', 'tcp://docker.example.com:3376'],
    ['tcp://10.0.0.5:2376', 'tcp://10.0.0.5:2376'],
    ['[fd00::5]:2376', 'tcp://[fd00::5]:2376'],
    ['fd00::5', 'tcp://[fd00::5]:2376'],
  ])('remote address %s -> %s', (a, want) => expect(remoteHost(a)).toBe(want));

  it.each(['', 'host:99999', 'http://x/y', 'a b'])('rejects remote address %j', (a) =>
    expect(() => remoteHost(a)).toThrow(UsageError),
  );
});
