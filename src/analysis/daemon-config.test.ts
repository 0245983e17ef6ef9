import { describe, expect, it } from 'vitest';
import { daemonFacts, daemonHost } from '../../test/kit/daemon.js';
import { snapshot } from '../../test/kit/snapshot.js';
import { effectiveDaemonConfig, isEngineDefaultInsecure, type Setting } from './daemon-config.js';

const known = <T>(s: Setting<T>) => {
  if (!s.known) throw new Error(`expected a known setting, got unknown: ${s.reason}`);
  return s;
};

describe('effectiveDaemonConfig', () => {
  it('takes the API value and notes a daemon.json the daemon has not applied', () => {
    const cfg = effectiveDaemonConfig(
      snapshot({
        daemon: daemonFacts({ engine: '28' }),
        host: daemonHost({ json: { 'live-restore': true } }),
      }),
    );
    const s = known(cfg.liveRestore);
    expect([s.value, s.source, s.origin]).toEqual([false, 'api', 'GET /info LiveRestoreEnabled']);
    expect(s.notes.join('\n')).toMatch(
      /daemon\.json: "live-restore": true disagrees with the running daemon .* not restarted/,
    );
  });

  it('prefers the default bridge option for icc over flag and file', () => {
    const cfg = effectiveDaemonConfig(
      snapshot({
        daemon: daemonFacts({ bridge: { 'com.docker.network.bridge.enable_icc': 'false' } }),
        host: daemonHost({ dockerd: ['--icc=false'] }),
      }),
    );
    expect(known(cfg.icc)).toMatchObject({ value: false, source: 'api', notes: [] });
  });

  it.each([
    ['flag', { dockerd: ['--userland-proxy=false'] }, false, 'dockerd --userland-proxy=false'],
    [
      'file',
      { json: { 'userland-proxy': false } },
      false,
      '/etc/docker/daemon.json: "userland-proxy": false',
    ],
    ['default', {}, true, 'dockerd default; not set on the command line or in /etc/docker/daemon.json'],
  ])('resolves a setting the API does not expose from the %s', (source, host, value, origin) => {
    const cfg = effectiveDaemonConfig(snapshot({ daemon: daemonFacts(), host: daemonHost(host) }));
    expect(known(cfg.userlandProxy)).toMatchObject({ value, source, origin });
  });

  it('notes a directive set both as a flag and in the file', () => {
    const cfg = effectiveDaemonConfig(
      snapshot({
        daemon: daemonFacts(),
        host: daemonHost({ dockerd: ['--iptables=false'], json: { iptables: true } }),
      }),
    );
    const s = known(cfg.iptables);
    expect([s.value, s.source]).toEqual([false, 'flag']);
    expect(s.notes[0]).toMatch(/set both on the command line .* and in \/etc\/docker\/daemon.json/);
  });

  it('is unknown without host facts, naming the gap', () => {
    const cfg = effectiveDaemonConfig(snapshot({ daemon: daemonFacts(), gaps: { host: 'remote daemon' } }));
    const s = cfg.userlandProxy;
    expect(s.known).toBe(false);
    if (!s.known) expect(s.reason).toMatch(/host facts were not collected \(remote daemon\)/);
    expect(known(cfg.liveRestore).source).toBe('api');
  });

  it('is unknown without a dockerd process, unless the file sets it', () => {
    const cfg = effectiveDaemonConfig(
      snapshot({ daemon: daemonFacts(), host: daemonHost({ dockerd: null, json: { iptables: false } }) }),
    );
    expect(cfg.userlandProxy.known).toBe(false);
    if (!cfg.userlandProxy.known) expect(cfg.userlandProxy.reason).toMatch(/no dockerd process/);
    expect(known(cfg.iptables)).toMatchObject({ value: false, source: 'file' });
  });

  it('is unknown when daemon.json cannot be parsed', () => {
    const host = daemonHost({
      daemonJson: {
        path: '/etc/docker/daemon.json',
        raw: '{"icc": false,',
        error: 'Unexpected end of JSON input',
      },
    });
    const cfg = effectiveDaemonConfig(snapshot({ daemon: daemonFacts(), host }));
    expect(cfg.userlandProxy.known).toBe(false);
    if (!cfg.userlandProxy.known) expect(cfg.userlandProxy.reason).toMatch(/could not be read or parsed/);
  });

  it('does not use daemon.json when dockerd reads another --config-file', () => {
    const host = daemonHost({
      dockerd: ['--config-file=/srv/docker.json'],
      json: { 'userland-proxy': false },
    });
    const cfg = effectiveDaemonConfig(snapshot({ daemon: daemonFacts(), host }));
    expect(cfg.userlandProxy.known).toBe(false);
    expect(cfg.notes.join()).toMatch(/\/srv\/docker.json \(--config-file\)/);
  });

  it('parses default ulimits from flags and from the file', () => {
    const a = effectiveDaemonConfig(
      snapshot({
        daemon: daemonFacts(),
        host: daemonHost({ dockerd: ['--default-ulimit', 'nofile=1024:4096'] }),
      }),
    );
    expect(known(a.defaultUlimits).value).toEqual({ nofile: { soft: 1024, hard: 4096 } });
    const b = effectiveDaemonConfig(
      snapshot({
        daemon: daemonFacts(),
        host: daemonHost({
          json: { 'default-ulimits': { nofile: { Name: 'nofile', Hard: 64000, Soft: 32000 } } },
        }),
      }),
    );
    expect(known(b.defaultUlimits).value).toEqual({ nofile: { soft: 32000, hard: 64000 } });
  });

  it('reads seccomp from the API on old and new engines', () => {
    const old = effectiveDaemonConfig(
      snapshot({ daemon: daemonFacts({ engine: '20.10' }), host: daemonHost() }),
    );
    expect(known(old.seccompProfile).value).toBe('default');
    const nu = effectiveDaemonConfig(snapshot({ daemon: daemonFacts({ engine: '29' }), host: daemonHost() }));
    expect(known(nu.seccompProfile).value).toBe('builtin');
    const none = effectiveDaemonConfig(
      snapshot({ daemon: daemonFacts({ info: { SecurityOptions: ['name=apparmor'] } }), host: daemonHost() }),
    );
    expect(known(none.seccompProfile).value).toBe('disabled');
  });

  it('drops the engine default insecure CIDRs', () => {
    const cfg = effectiveDaemonConfig(
      snapshot({
        daemon: daemonFacts({
          info: { RegistryConfig: { InsecureRegistryCIDRs: ['::1/128', '127.0.0.0/8', '10.1.0.0/16'] } },
        }),
      }),
    );
    expect(known(cfg.insecureRegistries).value).toEqual(['10.1.0.0/16']);
    expect(isEngineDefaultInsecure('127.0.0.0/8')).toBe(true);
  });
});
