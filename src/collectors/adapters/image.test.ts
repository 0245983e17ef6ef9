import { describe, expect, it } from 'vitest';
import {
  apiHistory,
  buildkit,
  classic,
  IMAGE_ID,
  inspectV141,
  inspectV150,
} from '../../../test/kit/image.js';
import {
  CTR_A,
  CTR_B,
  defaultBridgeV141,
  ingressOverlay,
  userBridgeV141,
  userBridgeV147,
} from '../../../test/kit/network.js';
import { imageFromApi, networkFromApi } from './image.js';

describe('imageFromApi', () => {
  it('reads a Docker 20.10 (API 1.41) image with classic-builder history', () => {
    const history = apiHistory([
      classic('ADD file:0a7d4e1b3c2f5a6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d in / '),
      classic('CMD ["bash"]'),
      classic('RUN apt-get update && apt-get install -y nginx'),
      classic('EXPOSE 80'),
    ]);
    const img = imageFromApi(inspectV141(), history, 2);
    expect(img).toMatchObject({
      id: IMAGE_ID,
      repoTags: ['nginx:1.21.6'],
      repoDigests: [expect.stringMatching(/^nginx@sha256:/)],
      created: '2022-03-01T03:51:17.582924125Z',
      size: 141522124,
      user: '',
      cmd: ['nginx', '-g', 'daemon off;'],
      entrypoint: ['/docker-entrypoint.sh'],
      exposedPorts: ['80/tcp'],
      labels: { maintainer: expect.stringContaining('NGINX') },
      dangling: false,
      containers: 2,
    });
    expect(img.healthcheck).toBeUndefined();
    // history comes back in build order, oldest first
    expect(img.history.map((h) => h.createdBy)).toEqual([
      '/bin/sh -c #(nop) ADD file:0a7d4e1b3c2f5a6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d in / ',
      '/bin/sh -c #(nop)  CMD ["bash"]',
      '/bin/sh -c apt-get update && apt-get install -y nginx',
      '/bin/sh -c #(nop)  EXPOSE 80',
    ]);
    expect(img.history.map((h) => h.emptyLayer)).toEqual([false, true, false, true]);
    expect(img.history[0]?.created).toBe('2023-11-14T22:13:20.000Z');
  });

  it('reads an API 1.50 containerd-store image with BuildKit history and a healthcheck', () => {
    const inspect = inspectV150({
      config: { Healthcheck: { Test: ['CMD-SHELL', 'wget -qO- localhost:3000/health'], Interval: 30e9 } },
    });
    const history = apiHistory(
      [
        buildkit('ADD alpine-minirootfs-3.20.3-x86_64.tar.gz /'),
        buildkit('RUN npm ci'),
        buildkit('USER node'),
      ],
      { buildkit: true },
    );
    const img = imageFromApi(inspect, history, 0);
    expect(img).toMatchObject({
      repoTags: ['ghcr.io/example/app:2.4.1'],
      size: 58213377,
      user: 'node',
      exposedPorts: ['3000/tcp'],
      healthcheck: { test: ['CMD-SHELL', 'wget -qO- localhost:3000/health'] },
      containers: 0,
    });
    expect(img.history[1]).toMatchObject({
      createdBy: 'RUN /bin/sh -c npm ci # buildkit',
      comment: 'buildkit.dockerfile.v0',
      emptyLayer: false,
    });
  });

  it('treats a null Config as the defaults an engine applies (root, no command)', () => {
    const img = imageFromApi(inspectV150({ config: null }), [], 0);
    expect(img).toMatchObject({ user: '', env: [], cmd: [], entrypoint: [], exposedPorts: [], labels: {} });
    expect(img.history).toEqual([]);
  });

  it.each([
    ['empty arrays', { RepoTags: [], RepoDigests: [] }],
    ['null', { RepoTags: null, RepoDigests: null }],
    ['<none> placeholders (old engines)', { RepoTags: ['<none>:<none>'], RepoDigests: ['<none>@<none>'] }],
  ])('marks an untagged image dangling: %s', (_name, top) => {
    const img = imageFromApi(inspectV141({ top }), [], 0);
    expect(img.repoTags).toEqual([]);
    expect(img.repoDigests).toEqual([]);
    expect(img.dangling).toBe(true);
  });

  it('falls back to VirtualSize and tolerates fields of unexpected types', () => {
    const img = imageFromApi(
      inspectV141({
        top: { Size: null, VirtualSize: 7, Created: 12 },
        config: { Env: null, Cmd: null, Entrypoint: '/bin/run', ExposedPorts: null, Labels: null },
      }),
      [{ CreatedBy: 42 }, 'junk'],
      -3,
    );
    expect(img).toMatchObject({
      size: 7,
      env: [],
      cmd: [],
      entrypoint: ['/bin/run'],
      exposedPorts: [],
      labels: {},
    });
    expect(img.created).toBeUndefined();
    expect(img.containers).toBe(0);
    expect(img.history).toEqual([{ createdBy: '', emptyLayer: true }]);
  });

  it('accepts OCI config history (oldest first, empty_layer flags)', () => {
    const img = imageFromApi(
      inspectV150(),
      [
        {
          created: '2026-01-01T00:00:00Z',
          created_by: 'ADD rootfs.tar.xz / # buildkit',
          comment: 'buildkit.dockerfile.v0',
        },
        { created: '2026-01-01T00:00:01Z', created_by: 'CMD ["sh"]', empty_layer: true },
      ],
      1,
    );
    expect(img.history).toEqual([
      {
        createdBy: 'ADD rootfs.tar.xz / # buildkit',
        created: '2026-01-01T00:00:00Z',
        comment: 'buildkit.dockerfile.v0',
        emptyLayer: false,
      },
      { createdBy: 'CMD ["sh"]', created: '2026-01-01T00:00:01Z', emptyLayer: true },
    ]);
  });

  it('rejects JSON without an Id', () => {
    expect(() => imageFromApi({ RepoTags: ['x:1'] }, [], 0)).toThrow(/no Id/);
  });
});

describe('networkFromApi', () => {
  it('reads the default bridge (API 1.41)', () => {
    expect(networkFromApi(defaultBridgeV141())).toMatchObject({
      name: 'bridge',
      driver: 'bridge',
      scope: 'local',
      internal: false,
      enableIPv6: false,
      subnets: ['172.17.0.0/16'],
      containers: [CTR_A],
      options: expect.objectContaining({ 'com.docker.network.bridge.enable_icc': 'true' }),
    });
  });

  it('reads a compose network with two containers and labels', () => {
    const n = networkFromApi(userBridgeV141());
    expect(n).toMatchObject({
      name: 'shop_default',
      attachable: true,
      options: {},
      containers: [CTR_A, CTR_B],
    });
    expect(n.labels['com.docker.compose.project']).toBe('shop');
  });

  it('reads a dual-stack network from API 1.47+', () => {
    expect(networkFromApi(userBridgeV147())).toMatchObject({
      enableIPv6: true,
      subnets: ['172.20.0.0/16', 'fd00:dead:beef::/64'],
      options: { 'com.docker.network.bridge.host_binding_ipv4': '127.0.0.1' },
    });
  });

  it('drops swarm pseudo-endpoints and reads ingress flags', () => {
    const n = networkFromApi(
      ingressOverlay({ Containers: { 'ingress-sbox': {}, 'lb-web': {}, [CTR_B]: {} } }),
    );
    expect(n).toMatchObject({ scope: 'swarm', driver: 'overlay', ingress: true, containers: [CTR_B] });
  });

  it('tolerates null IPAM, Options, Labels and a missing Containers map (list endpoint)', () => {
    const n = networkFromApi({
      Id: 'abc',
      Name: 'none',
      Driver: 'null',
      IPAM: { Config: null },
      Options: null,
      Labels: null,
    });
    expect(n).toMatchObject({
      name: 'none',
      driver: 'null',
      options: {},
      labels: {},
      subnets: [],
      containers: [],
    });
  });

  it('rejects JSON without an Id', () => {
    expect(() => networkFromApi({ Name: 'x' })).toThrow(/no Id/);
  });
});
