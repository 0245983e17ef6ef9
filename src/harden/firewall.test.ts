import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { input } from '../../test/fixtures/harden/kit.js';
import { hostSnapshot } from '../../test/kit/host.js';
import { containerFacts } from '../../test/kit/inspect.js';
import { networkFacts } from '../../test/kit/network.js';
import { UsageError } from '../core/errors.js';
import type { ContainerFacts, PortBinding } from '../facts/container.js';
import type { Snapshot } from '../facts/snapshot.js';
import { CHAIN, type FirewallOptions, parseCidrs, planFirewall, publishedPorts } from './firewall.js';

const web = (name: string, ports: PortBinding[], state = 'running'): ContainerFacts => {
  const c = containerFacts({ name, state, spec: { portBindings: ports } });
  return { ...c, id: `${name}-id`, spec: { ...c.spec, name } };
};
const bind = (
  hostPort: number,
  containerPort: number,
  hostIp = '',
  protocol: PortBinding['protocol'] = 'tcp',
): PortBinding => ({
  hostPort,
  containerPort,
  hostIp,
  protocol,
});

const snap = (containers: ContainerFacts[]): Snapshot =>
  hostSnapshot(
    {},
    {
      containers,
      networks: [
        networkFacts({
          name: 'bridge',
          driver: 'bridge',
          subnets: ['172.17.0.0/16'],
          options: { 'com.docker.network.bridge.name': 'docker0' },
        }),
        networkFacts({
          id: 'a1b2c3d4e5f6a7b8',
          name: 'shop_default',
          driver: 'bridge',
          subnets: ['172.20.0.0/16'],
          options: {},
        }),
        networkFacts({
          id: 'ffffeeeedddd0000',
          name: 'backend',
          driver: 'bridge',
          internal: true,
          subnets: ['172.21.0.0/16'],
          options: {},
        }),
      ],
    },
  );

const SHOP = snap([
  web('shop-web-1', [bind(443, 8443), bind(443, 8443, '::'), bind(8080, 80, '0.0.0.0')]),
  web('dns', [bind(53, 53, '', 'udp')]),
  web('admin', [bind(9000, 9000, '127.0.0.1')]),
  web('old', [bind(7000, 7000)], 'exited'),
]);
const OPTS: FirewallOptions = {
  allowSource: ['10.0.0.0/8', '192.168.10.0/24', 'fd00::/8'],
  allowEgress: ['10.0.0.53', '2001:db8::/32'],
};
const files = (s: Snapshot, opts: FirewallOptions) => {
  const p = planFirewall(input(s), opts);
  return {
    ipt: p.files.find((f) => f.validate === 'iptables')?.content ?? '',
    nft: p.files.find((f) => f.validate === 'nft')?.content ?? '',
    notes: p.notes,
  };
};
const rules = (text: string) => text.split('\n').filter((l) => l.startsWith('-'));
const code = (text: string) =>
  text
    .split('\n')
    .filter((l) => !l.trim().startsWith('#'))
    .join('\n');

describe('publishedPorts', () => {
  it('lists host ports of live containers reachable from other hosts, once per port', () => {
    const { ports, ephemeral } = publishedPorts([...SHOP.containers!, web('rand', [bind(0, 5000)])]);
    expect(ports.map((p) => `${p.protocol}/${p.port} ${p.containers.join(',')}`)).toEqual(
      ['tcp/443 shop-web-1', 'udp/53 dns', 'tcp/8080 shop-web-1'].sort(
        (a, b) => Number(a.split(/[/ ]/)[1]) - Number(b.split(/[/ ]/)[1]),
      ),
    );
    expect(ephemeral).toEqual(['rand 5000/tcp']);
  });
});

describe('iptables-restore rules for DOCKER-USER', () => {
  const { ipt } = files(SHOP, OPTS);

  it('never flushes: no -F, no *raw/*nat, only its own chain declared', () => {
    expect(code(ipt)).not.toMatch(/^-F|^-X|flush|-D /m);
    expect(ipt.split('\n').filter((l) => l.startsWith(':'))).toEqual([`:${CHAIN} - [0:0]`]);
    expect(ipt.split('\n').filter((l) => l.startsWith('*'))).toEqual(['*filter']);
    expect(ipt.trimEnd().endsWith('COMMIT')).toBe(true);
  });

  it('lets established traffic through first and ends with RETURN, then jumps from DOCKER-USER', () => {
    const r = rules(ipt);
    expect(r[0]).toBe(`-A ${CHAIN} -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN`);
    expect(r.at(-2)).toBe(`-A ${CHAIN} -j RETURN`);
    expect(r.at(-1)).toBe(`-I DOCKER-USER 1 -j ${CHAIN}`);
  });

  it('matches published ports on the original destination port, allowed sources before the drop', () => {
    const r = rules(ipt);
    const m = '-p tcp -m conntrack --ctstate DNAT --ctorigdstport 8080 --ctdir ORIGINAL';
    const allow = r.indexOf(`-A ${CHAIN} ${m} -s 10.0.0.0/8 -j RETURN`);
    const drop = r.indexOf(`-A ${CHAIN} ${m} -j DROP`);
    expect(allow).toBeGreaterThan(0);
    expect(r).toContain(`-A ${CHAIN} ${m} -s 192.168.10.0/24 -j RETURN`);
    expect(drop).toBeGreaterThan(allow);
    expect(r).toContain(
      `-A ${CHAIN} -p udp -m conntrack --ctstate DNAT --ctorigdstport 53 --ctdir ORIGINAL -j DROP`,
    );
    // loopback-only and stopped containers' ports are not filtered; IPv6 sources are not iptables rules
    expect(ipt).not.toMatch(/--ctorigdstport (9000|7000)\b|fd00::/);
  });

  it('blocks container egress per bridge except the allowed destinations (internal networks need nothing)', () => {
    const r = rules(ipt);
    expect(r).toContain(`-A ${CHAIN} -i docker0 ! -o docker0 -d 10.0.0.53 -j RETURN`);
    expect(r.indexOf(`-A ${CHAIN} -i docker0 ! -o docker0 -j DROP`)).toBeGreaterThan(
      r.indexOf(`-A ${CHAIN} -i docker0 ! -o docker0 -d 10.0.0.53 -j RETURN`),
    );
    expect(r).toContain(`-A ${CHAIN} -i br-a1b2c3d4e5f6 ! -o br-a1b2c3d4e5f6 -j DROP`);
    expect(ipt).not.toContain('br-ffffeeeedddd');
  });
});

describe('nftables ruleset', () => {
  const { nft } = files(SHOP, OPTS);

  it('uses a table of its own on the forward hook before Docker, never flush ruleset', () => {
    expect(code(nft)).not.toMatch(/flush/);
    expect(nft).toMatch(/^table inet bulkhead\ndelete table inet bulkhead\ntable inet bulkhead \{$/m);
    expect(nft).toContain('type filter hook forward priority filter - 10; policy accept;');
    const body = nft
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    expect(body[body.indexOf('type filter hook forward priority filter - 10; policy accept;') + 1]).toBe(
      'ct state established,related accept',
    );
  });

  it('has the same policy: original destination port, IPv4 and IPv6 sources, egress per bridge', () => {
    expect(nft).toContain(
      'meta l4proto tcp ct status dnat ct original proto-dst 443 ip saddr { 10.0.0.0/8, 192.168.10.0/24 } accept',
    );
    expect(nft).toContain(
      'meta l4proto tcp ct status dnat ct original proto-dst 443 ip6 saddr fd00::/8 accept',
    );
    expect(nft).toContain('meta l4proto tcp ct status dnat ct original proto-dst 443 drop');
    expect(nft).toContain('iifname "docker0" oifname != "docker0" ip6 daddr 2001:db8::/32 accept');
    expect(nft).toContain('iifname "br-a1b2c3d4e5f6" oifname != "br-a1b2c3d4e5f6" drop');
  });
});

describe('planFirewall options', () => {
  it('generates nothing without allowed sources or an egress policy, and says why', () => {
    const p = planFirewall(input(SHOP), {});
    expect(p.files).toEqual([]);
    expect(p.notes.join('\n')).toMatch(/published port\(s\) stay reachable .*--allow-source/);
  });

  it('blocks all egress when the egress policy is deny and no destination is allowed', () => {
    const p = planFirewall(input(SHOP, { egressPolicy: 'deny' }), {});
    const ipt = p.files[0]!.content;
    expect(rules(ipt)).toContain(`-A ${CHAIN} -i docker0 ! -o docker0 -j DROP`);
    expect(ipt).not.toContain('--ctorigdstport');
    expect(p.notes.join('\n')).toContain('not even DNS servers');
  });

  it.each([['10.0.0.0/33'], ['300.1.1.1'], ['example.com'], ['fd00::/129']])('rejects %s', (v) =>
    expect(() => parseCidrs([v], '--allow-source')).toThrow(UsageError),
  );

  it('splits IPv4 and IPv6 and drops duplicates', () =>
    expect(parseCidrs(['10.0.0.1', '10.0.0.1', '::1', 'fd00::/8'], 'x')).toEqual({
      v4: ['10.0.0.1'],
      v6: ['::1', 'fd00::/8'],
    }));
});

// The real tools' check modes. iptables-restore --test runs in a fresh network namespace (unshare --net) that
// holds a DOCKER-USER chain, so the jump is checked too and the host's tables are never touched; nft -c never
// commits. Both need root (CAP_NET_ADMIN).
const isRoot = process.getuid?.() === 0;
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

describe.runIf(isRoot)('generated rules pass the real tools', () => {
  let dir: string;
  beforeAll(() => {
    const missing = [has('iptables-restore') ? '' : 'iptables', has('nft') ? '' : 'nftables'].filter(Boolean);
    if (missing.length)
      execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
        stdio: 'ignore',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
        timeout: 600_000,
      });
    dir = mkdtempSync(join(tmpdir(), 'bulkhead-fw-'));
  }, 700_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const check = (name: string, text: string, script: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return spawnSync('unshare', ['--net', 'sh', '-c', script.replace('FILE', file)], { encoding: 'utf8' });
  };
  const cases: [string, Snapshot, FirewallOptions][] = [
    ['ports and egress', SHOP, OPTS],
    ['egress only, nothing allowed', SHOP, { allowEgress: [] }],
    ['ports only, IPv6 sources only', SHOP, { allowSource: ['fd00::/8'] }],
  ];

  it.each(cases)('iptables-restore --test: %s', (_n, s, opts) => {
    const ipt = planFirewall(input(s, { egressPolicy: 'deny' }), opts).files[0]!.content;
    const r = check('rules', ipt, 'iptables -N DOCKER-USER && iptables-restore --test --noflush FILE');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.each(cases)('nft -c -f: %s', (_n, s, opts) => {
    const nft = planFirewall(input(s, { egressPolicy: 'deny' }), opts).files[1]!.content;
    const r = check('rules.nft', nft, 'nft -c -f FILE');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('the check modes do reject a broken file (so the cases above can fail)', () => {
    const ipt = check(
      'bad',
      '*filter\n-A BULKHEAD-NOPE -m conntrack --ctstate BOGUS -j RETURN\nCOMMIT\n',
      'iptables-restore --test --noflush FILE',
    );
    expect(ipt.status).not.toBe(0);
    const nft = check(
      'bad.nft',
      'table inet x {\n chain f { type filter hook forward priority 0; ct original proto-dst 1 drop\n }\n}\n',
      'nft -c -f FILE',
    );
    expect(nft.status).not.toBe(0);
  });
});
