// Builders shaped like real `docker network inspect` Engine API JSON (API 1.41 and 1.44+), plus a
// NetworkFacts convenience for check tests.
import type { NetworkFacts } from '../../src/facts/network.js';

type Json = Record<string, unknown>;

export const CTR_A = '4f1c0a9e2b3d4c5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6';
export const CTR_B = 'a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3';

const endpoint = (name: string, ip: string): Json => ({
  Name: name,
  EndpointID: 'e1d2c3b4a5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
  MacAddress: '02:42:ac:12:00:02',
  IPv4Address: `${ip}/16`,
  IPv6Address: '',
});

/** The default `bridge` network as Docker 20.10 (API 1.41) reports it. */
export function defaultBridgeV141(top: Json = {}): Json {
  return {
    Name: 'bridge',
    Id: '7b3f5e2a1c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f',
    Created: '2022-03-10T09:12:44.112349875Z',
    Scope: 'local',
    Driver: 'bridge',
    EnableIPv6: false,
    IPAM: { Driver: 'default', Options: null, Config: [{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }] },
    Internal: false,
    Attachable: false,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: { [CTR_A]: endpoint('web', '172.17.0.2') },
    Options: {
      'com.docker.network.bridge.default_bridge': 'true',
      'com.docker.network.bridge.enable_icc': 'true',
      'com.docker.network.bridge.enable_ip_masquerade': 'true',
      'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
      'com.docker.network.bridge.name': 'docker0',
      'com.docker.network.driver.mtu': '1500',
    },
    Labels: {},
    ...top,
  };
}

/** A user-defined bridge (e.g. a compose project network) as Docker 20.10 (API 1.41) reports it. */
export function userBridgeV141(top: Json = {}): Json {
  return {
    Name: 'shop_default',
    Id: '0c9e8d7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d',
    Created: '2022-03-10T09:15:02.553410932Z',
    Scope: 'local',
    Driver: 'bridge',
    EnableIPv6: false,
    IPAM: { Driver: 'default', Options: null, Config: [{ Subnet: '172.18.0.0/16', Gateway: '172.18.0.1' }] },
    Internal: false,
    Attachable: true,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: {
      [CTR_A]: endpoint('shop-web-1', '172.18.0.2'),
      [CTR_B]: endpoint('shop-db-1', '172.18.0.3'),
    },
    Options: {},
    Labels: { 'com.docker.compose.network': 'default', 'com.docker.compose.project': 'shop' },
    ...top,
  };
}

/** A user-defined bridge as Docker 27-29 (API 1.47+) reports it: EnableIPv4, no Gateway when unset. */
export function userBridgeV147(top: Json = {}): Json {
  return {
    Name: 'backend',
    Id: 'd4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3',
    Created: '2026-09-14T17:02:31.918273645Z',
    Scope: 'local',
    Driver: 'bridge',
    EnableIPv4: true,
    EnableIPv6: true,
    IPAM: {
      Driver: 'default',
      Options: {},
      Config: [
        { Subnet: '172.20.0.0/16', Gateway: '172.20.0.1' },
        { Subnet: 'fd00:dead:beef::/64', Gateway: 'fd00:dead:beef::1' },
      ],
    },
    Internal: false,
    Attachable: false,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: { [CTR_B]: endpoint('api', '172.20.0.2') },
    Options: { 'com.docker.network.bridge.host_binding_ipv4': '127.0.0.1' },
    Labels: {},
    ...top,
  };
}

/** The swarm `ingress` overlay network (Containers holds the ingress sandbox pseudo-endpoint). */
export function ingressOverlay(top: Json = {}): Json {
  return {
    Name: 'ingress',
    Id: 'q1w2e3r4t5y6u7i8o9p0a1s2d',
    Created: '2026-09-14T17:00:00.000000000Z',
    Scope: 'swarm',
    Driver: 'overlay',
    EnableIPv6: false,
    IPAM: { Driver: 'default', Options: null, Config: [{ Subnet: '10.0.0.0/24', Gateway: '10.0.0.1' }] },
    Internal: false,
    Attachable: false,
    Ingress: true,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: { 'ingress-sbox': endpoint('ingress-endpoint', '10.0.0.2') },
    Options: { 'com.docker.network.driver.overlay.vxlanid_list': '4096' },
    Labels: {},
    Peers: [{ Name: 'node-1', IP: '192.168.1.10' }],
    ...top,
  };
}

/** NetworkFacts for check tests: a compose-style user bridge with two containers. */
export function networkFacts(over: Partial<NetworkFacts> = {}): NetworkFacts {
  return {
    id: '0c9e8d7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d',
    name: 'shop_default',
    driver: 'bridge',
    scope: 'local',
    internal: false,
    attachable: true,
    ingress: false,
    enableIPv6: false,
    options: {},
    labels: { 'com.docker.compose.project': 'shop' },
    subnets: ['172.18.0.0/16'],
    containers: [CTR_A, CTR_B],
    ...over,
  };
}
