import { describe, expect, it } from 'vitest';
import { loadCompose } from './load.js';
import { serviceToSpecWithLocations } from './spec.js';
import { applyVolumesFrom, parseVolumesFrom, type VolumesFromService } from './volumes-from.js';

/** Loads a compose text and applies volumes_from; service -> its mounts as "src:dst:ro|rw" and its problems. */
function run(text: string, activeProfiles: string[] = []) {
  const p = loadCompose([{ path: '/srv/app/compose.yaml', text }], {
    readFile: () => undefined,
    activeProfiles,
  });
  expect(p.diagnostics).toEqual([]);
  const services: VolumesFromService[] = p.services.map((s) => ({
    name: s.name,
    data: s.data,
    locations: s.locations,
    result: serviceToSpecWithLocations(s.name, s.data, { workingDir: p.workingDir, locations: s.locations }),
  }));
  applyVolumesFrom(services, { inactive: p.inactive });
  return Object.fromEntries(
    services.map((s) => [
      s.name,
      {
        mounts: s.result.spec.mounts.map((m) => `${m.source}:${m.destination}:${m.readOnly ? 'ro' : 'rw'}`),
        problems: s.result.problems,
      },
    ]),
  );
}

describe('parseVolumesFrom', () => {
  it.each([
    ['app', { kind: 'service', name: 'app', readOnly: false }],
    ['app:ro', { kind: 'service', name: 'app', readOnly: true }],
    ['app:rw', { kind: 'service', name: 'app', readOnly: false }],
    ['container:portainer', { kind: 'container', name: 'portainer', readOnly: false }],
    ['container:portainer:ro', { kind: 'container', name: 'portainer', readOnly: true }],
    ['app:rx', undefined],
    ['app:ro:z', undefined],
    ['', undefined],
    ['container:', undefined],
  ])('%j', (input, want) => {
    expect(parseVolumesFrom(input)).toEqual(want);
  });
});

describe('applyVolumesFrom', () => {
  it('inherits the mounts of the named services, transitively, read-only when asked', () => {
    // The classic "data container" pattern, and a sidecar that takes the socket of the agent.
    const out = run(`services:
  agent:
    image: portainer/agent:2.19.4
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock
      - agent_data:/data
    tmpfs: [/tmp]
  sidecar:
    image: busybox
    volumes_from: [agent]
    volumes:
      - ./data:/data
  backup:
    image: restic/restic
    volumes_from: ["sidecar:ro", "container:legacy_db"]
`);
    expect(out.agent?.mounts).toEqual([
      '/var/run/docker.sock:/var/run/docker.sock:rw',
      'agent_data:/data:rw',
      ':/tmp:rw',
    ]);
    // Its own /data wins over the inherited one; tmpfs is not copied.
    expect(out.sidecar?.mounts).toEqual([
      '/srv/app/data:/data:rw',
      '/var/run/docker.sock:/var/run/docker.sock:rw',
    ]);
    expect(out.backup?.mounts).toEqual([
      '/srv/app/data:/data:ro',
      '/var/run/docker.sock:/var/run/docker.sock:ro',
    ]);
    for (const s of Object.values(out)) expect(s.problems).toEqual([]);
  });

  it('locates inherited mounts at the volumes_from item', () => {
    const text = 'services:\n  a:\n    volumes: ["/:/host"]\n  b:\n    volumes_from:\n      - a\n';
    const p = loadCompose([{ path: '/x/compose.yaml', text }], { readFile: () => undefined });
    const services = p.services.map((s) => ({
      name: s.name,
      data: s.data,
      locations: s.locations,
      result: serviceToSpecWithLocations(s.name, s.data, { locations: s.locations }),
    }));
    applyVolumesFrom(services);
    const b = services[1]?.result;
    expect(b?.sources['mounts.0']).toBe('volumes_from.0');
    expect(b?.locations['mounts.0']).toEqual({ file: '/x/compose.yaml', line: 6, col: 9 });
  });

  it.each([
    [
      'an unknown service',
      'services:\n  a:\n    image: a\n    volumes_from: [db]\n',
      { a: ['volumes_from.0: unknown service "db"'] },
    ],
    [
      'a service left out by the profiles',
      'services:\n  a:\n    volumes_from: [db]\n  db:\n    profiles: [debug]\n',
      { a: ['volumes_from.0: service "db" is not enabled by the active profiles'] },
    ],
    [
      'a cycle',
      'services:\n  a:\n    volumes_from: [b]\n  b:\n    volumes_from: [c]\n  c:\n    volumes_from: ["a:ro"]\n',
      { a: [], b: [], c: ['volumes_from.0: cycle a -> b -> c -> a'] },
    ],
    [
      'a service naming itself',
      'services:\n  a:\n    volumes: ["/etc:/etc"]\n    volumes_from: [a]\n',
      { a: ['volumes_from.0: cycle a -> a'] },
    ],
    [
      'a bad mode',
      'services:\n  a:\n    volumes_from: ["b:rwx"]\n  b: {}\n',
      { a: ['volumes_from.0: invalid volumes_from "b:rwx"'], b: [] },
    ],
  ])('reports %s', (_n, text, want) => {
    const out = run(text);
    expect(Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.problems]))).toEqual(want);
  });

  it('keeps the mounts reachable before a cycle', () => {
    const out = run(
      'services:\n  a:\n    volumes: ["/:/host"]\n    volumes_from: [b]\n  b:\n    volumes_from: [a]\n',
    );
    expect(out.b?.mounts).toEqual(['/:/host:rw']);
  });
});
