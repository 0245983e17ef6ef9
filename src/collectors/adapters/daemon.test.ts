import { describe, expect, it } from 'vitest';
import {
  bridgeNetworkJson,
  daemonFacts,
  infoJson,
  secretJson,
  serviceJson,
  swarmClusterJson,
  swarmFacts,
  swarmInfoJson,
  swarmStateJson,
  unixConnection,
  versionJson,
} from '../../../test/kit/daemon.js';
import { daemonFromApi, parseSecurityOption, swarmFromApi } from './daemon.js';

describe('parseSecurityOption', () => {
  it.each([
    ['name=seccomp,profile=builtin', { name: 'seccomp', params: { profile: 'builtin' } }],
    ['name=seccomp,profile=default', { name: 'seccomp', params: { profile: 'default' } }],
    [
      'name=seccomp,profile=/etc/docker/seccomp.json',
      { name: 'seccomp', params: { profile: '/etc/docker/seccomp.json' } },
    ],
    ['name=cgroupns', { name: 'cgroupns', params: {} }],
    ['name=rootless', { name: 'rootless', params: {} }],
    ['name=userns', { name: 'userns', params: {} }],
    ['apparmor', { name: 'apparmor', params: {} }],
  ])('%s', (raw, want) => expect(parseSecurityOption(raw)).toEqual(want));
});

describe('daemonFromApi', () => {
  it('reads a Docker 20.10 (API 1.41, Debian docker.io) daemon', () => {
    const d = daemonFacts({ engine: '20.10' });
    expect(d.version.version).toBe('20.10.24+dfsg1');
    expect(d.version.apiVersion).toBe('1.41');
    expect(d.version.components.map((c) => [c.name, c.version])).toEqual([
      ['Engine', '20.10.24+dfsg1'],
      ['containerd', '1.6.20~ds1'],
      ['runc', '1.1.5+ds1'],
      ['docker-init', '0.19.0'],
    ]);
    expect(d.version.components[2]!.details.GitCommit).toBe('1.1.5+ds1-1+deb12u1');
    expect(d.info.runcCommit).toBe('1.1.5+ds1-1+deb12u1');
    expect(d.info.securityOptions.find((o) => o.name === 'seccomp')?.params.profile).toBe('default');
    expect(d.info.insecureRegistryCIDRs).toEqual(['127.0.0.0/8']);
    expect(d.info.authorizationPlugins).toEqual([]);
    expect(d.info.swarm).toEqual({ localNodeState: 'inactive', controlAvailable: false });
    expect(d.info.rootless).toBe(false);
    expect(d.info.cgroupVersion).toBe('2');
    expect(d.info.driverStatus[0]).toEqual(['Backing Filesystem', 'extfs']);
    expect(d.defaultBridgeOptions?.['com.docker.network.bridge.enable_icc']).toBe('true');
  });

  it('reads a Docker 29 (API 1.52) daemon: builtin seccomp, no Expected commits, new fields ignored', () => {
    const d = daemonFacts({ engine: '29' });
    expect(d.version.version).toBe('29.1.0');
    expect(d.info.driver).toBe('overlayfs');
    expect(d.info.securityOptions.map((o) => o.name)).toEqual(['apparmor', 'seccomp', 'cgroupns']);
    expect(d.info.securityOptions[1]!.params).toEqual({ profile: 'builtin' });
    expect(d.info.insecureRegistryCIDRs).toEqual(['::1/128', '127.0.0.0/8']);
    expect(d.info.containerdCommit).toBe('75cb2b7193e4e490e9fbdc236c0e811ccaba3376');
    expect(d.info.runtimes).toEqual(['io.containerd.runc.v2', 'runc']);
  });

  it('reads rootless, userns, authz plugins and insecure registries', () => {
    const d = daemonFacts({
      engine: '28',
      info: {
        SecurityOptions: ['name=seccomp,profile=builtin', 'name=rootless', 'name=userns', 'name=cgroupns'],
        Plugins: { Authorization: ['opa-docker-authz'] },
        RegistryConfig: {
          InsecureRegistryCIDRs: ['::1/128', '127.0.0.0/8', '10.0.0.0/8'],
          IndexConfigs: {
            'registry.local:5000': { Name: 'registry.local:5000', Secure: false, Official: false },
          },
        },
      },
    });
    expect(d.info.rootless).toBe(true);
    expect(d.info.userns).toBe(true);
    expect(d.info.authorizationPlugins).toEqual(['opa-docker-authz']);
    expect(d.info.insecureRegistries).toEqual(['registry.local:5000']);
    expect(d.info.insecureRegistryCIDRs).toContain('10.0.0.0/8');
  });

  it('treats fields of an unexpected type as absent and tolerates nulls', () => {
    const d = daemonFromApi(
      unixConnection(),
      versionJson('29', { Components: null }),
      infoJson('29', { LiveRestoreEnabled: 'yes', SecurityOptions: null, Swarm: null, RegistryConfig: null }),
    );
    expect(d.version.components).toEqual([]);
    expect(d.info.liveRestoreEnabled).toBeUndefined();
    expect(d.info.securityOptions).toEqual([]);
    expect(d.info.swarm.localNodeState).toBe('inactive');
    expect(d.defaultBridgeOptions).toBeUndefined();
  });

  it('ignores fields older or newer engines add or drop (ExecutionDriver, KernelMemory, FirewallBackend)', () => {
    const old = daemonFromApi(
      unixConnection('1.41'),
      versionJson('20.10'),
      infoJson('20.10', { ExecutionDriver: 'native-0.2', KernelMemory: true, BridgeNfIptables: true }),
    );
    const nu = daemonFromApi(unixConnection(), versionJson('29'), infoJson('29'));
    expect(old.info.driver).toBe('overlay2');
    expect(nu.info.driver).toBe('overlayfs');
    // 20.10's Debian build reports an empty InitCommit.ID, which is dropped; every other key is the same.
    expect(old.info.initCommit).toBeUndefined();
    expect(Object.keys(old.info).sort()).toEqual(
      Object.keys(nu.info)
        .filter((k) => k !== 'initCommit')
        .sort(),
    );
  });

  it('rejects a /version without a version', () => {
    expect(() => daemonFromApi(unixConnection(), { ApiVersion: '1.52' }, infoJson())).toThrow(/Version/);
  });

  it('reads the default bridge options', () => {
    const d = daemonFromApi(
      unixConnection(),
      versionJson(),
      infoJson(),
      bridgeNetworkJson({ 'com.docker.network.bridge.enable_icc': 'false' }),
    );
    expect(d.defaultBridgeOptions?.['com.docker.network.bridge.enable_icc']).toBe('false');
  });

  it('reads an active manager from /info', () => {
    const d = daemonFacts({ info: { Swarm: swarmInfoJson({ Managers: 3, Nodes: 5 }) } });
    expect(d.info.swarm).toEqual({
      localNodeState: 'active',
      controlAvailable: true,
      nodeId: 'p5y8m1x3c2v0a9d7e6f4g2h1j',
      managers: 3,
      nodes: 5,
    });
  });
});

describe('swarmFromApi', () => {
  it('reads cluster settings, nodes, services, secrets and the state file', () => {
    const s = swarmFacts({
      services: [
        serviceJson('web', { env: ['DB_PASSWORD=x'], ports: [{ TargetPort: 80, PublishedPort: 8080 }] }),
      ],
      secrets: [secretJson('db_password')],
      state: swarmStateJson({ DataPathAddr: '192.168.50.5' }),
    });
    expect(s.autoLockManagers).toBe(false);
    expect(s.nodeCertExpiryNs).toBe(7776000000000000);
    expect(s.caRootRotationInProgress).toBe(false);
    expect(s.caCertificate).toEqual({
      notBefore: '2026-06-01T10:00:00.000Z',
      notAfter: '2046-05-27T10:00:00.000Z',
    });
    expect(s.nodes.map((n) => [n.role, n.addr])).toEqual([
      ['manager', '10.0.0.5:2377'],
      ['worker', '10.0.0.6'],
      ['worker', '10.0.0.7'],
    ]);
    expect(s.services[0]).toEqual({
      id: 'svcweb',
      name: 'web',
      ports: [{ targetPort: 80, publishedPort: 8080, protocol: 'tcp', publishMode: 'ingress' }],
      secrets: [],
      env: ['DB_PASSWORD=x'],
    });
    expect(s.secrets).toEqual([{ id: 'id-db_password', name: 'db_password' }]);
    expect(s.listenAddr).toBe('0.0.0.0:2377');
    expect(s.advertiseAddr).toBe('10.0.0.5:2377');
    expect(s.dataPathAddr).toBe('192.168.50.5');
    expect(s.remoteManagers).toEqual(['10.0.0.5:2377']);
  });

  it('falls back to /info Swarm.Cluster without /swarm, and to NodeAddr without the state file', () => {
    const s = swarmFromApi({
      info: infoJson('28', {
        Swarm: swarmInfoJson({
          Cluster: swarmClusterJson({ Spec: { EncryptionConfig: { AutoLockManagers: true } } }),
        }),
      }),
    });
    expect(s.autoLockManagers).toBe(true);
    expect(s.advertiseAddr).toBe('10.0.0.5');
    expect(s.listenAddr).toBeUndefined();
    expect(s.nodes).toEqual([]);
  });

  it('gives an empty fact on an inactive node', () => {
    const s = swarmFromApi({ info: infoJson('20.10') });
    expect(s).toEqual({ nodes: [], services: [], secrets: [], remoteManagers: [] });
  });
});
