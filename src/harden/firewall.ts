// Firewall rules in front of Docker's own: published ports reachable only from allowed networks, container
// egress only to allowed destinations. Two renderings of the same policy: iptables-restore input for the
// DOCKER-USER chain (the one chain Docker never rewrites) and an nftables table of its own. Neither flushes
// anything but bulkhead's own chain or table.
//
// Published ports are matched on the ORIGINAL destination port (conntrack): by the time a packet reaches the
// FORWARD hook, Docker's DNAT has rewritten it to the container's address and port, so `--dport 8080` would
// test the container port instead.
import { isIPv6 } from 'node:net';
import { parseCidr } from '../checks/host/_firewall.js';
import { containerBridges } from '../checks/host/container-egress-blocked.js';
import { UsageError } from '../core/errors.js';
import type { ContainerFacts } from '../facts/container.js';
import { type Explanation, type GeneratedFile, type HardenInput, hasFailed } from './types.js';

export const CHAIN = 'BULKHEAD-DOCKER-USER';
export const NFT_TABLE = 'bulkhead';
/** Before Docker's filter chains (priority filter = 0) on the forward hook. */
export const NFT_PRIORITY = 'filter - 10';

export interface FirewallOptions {
  /** Networks allowed to reach published ports (IPv4 or IPv6 CIDRs). */
  allowSource?: readonly string[] | undefined;
  /** Destinations containers may reach (IPv4 or IPv6 CIDRs). */
  allowEgress?: readonly string[] | undefined;
}

export interface Cidrs {
  v4: string[];
  v6: string[];
}

/** Splits and validates CIDRs (a bare address is a /32 or /128). */
export function parseCidrs(values: readonly string[], flag: string): Cidrs {
  const out: Cidrs = { v4: [], v6: [] };
  for (const raw of values) {
    const v = raw.trim();
    if (parseCidr(v)) {
      if (!out.v4.includes(v)) out.v4.push(v);
      continue;
    }
    const m = /^([0-9a-fA-F:.]+)(?:\/(\d{1,3}))?$/.exec(v);
    if (m && isIPv6(m[1]!) && (m[2] === undefined || Number(m[2]) <= 128)) {
      if (!out.v6.includes(v)) out.v6.push(v);
      continue;
    }
    throw new UsageError(`invalid ${flag} "${raw}"`, 'give an IPv4 or IPv6 address or CIDR, e.g. 10.0.0.0/8');
  }
  return out;
}

export interface PublishedPort {
  protocol: 'tcp' | 'udp' | 'sctp';
  port: number;
  containers: string[];
}

const LIVE = new Set(['running', 'restarting', 'paused']);
const loopback = (ip: string): boolean => /^127\./.test(ip) || ip === '::1' || ip === '[::1]';

/** Host ports published by live containers on addresses other hosts can reach. */
export function publishedPorts(containers: readonly ContainerFacts[]): {
  ports: PublishedPort[];
  ephemeral: string[];
} {
  const byKey = new Map<string, PublishedPort>();
  const ephemeral: string[] = [];
  for (const c of containers) {
    if (!LIVE.has(c.state)) continue;
    for (const b of c.spec.portBindings) {
      if (loopback(b.hostIp)) continue;
      if (b.hostPort === 0) {
        ephemeral.push(`${c.name} ${b.containerPort}/${b.protocol}`);
        continue;
      }
      const key = `${b.protocol}/${b.hostPort}`;
      const p = byKey.get(key) ?? { protocol: b.protocol, port: b.hostPort, containers: [] };
      if (!p.containers.includes(c.name)) p.containers.push(c.name);
      byKey.set(key, p);
    }
  }
  const ports = [...byKey.values()].sort((a, b) => a.port - b.port || a.protocol.localeCompare(b.protocol));
  return { ports, ephemeral };
}

interface Policy {
  ports: PublishedPort[];
  sources?: Cidrs;
  bridges: string[];
  egress?: Cidrs;
}

const RESTORE_HELP = [
  `# Load without flushing anything else: iptables-restore --noflush < docker-user.rules`,
  `# The ":${CHAIN}" line creates bulkhead's own chain, or empties only that chain when it exists, so`,
  '# loading again replaces these rules. It also inserts the jump from DOCKER-USER again: remove the old one',
  `# first (iptables -D DOCKER-USER -j ${CHAIN}). Docker keeps DOCKER-USER across restarts, not across reboots:`,
  '# persist with iptables-persistent or a unit that runs after docker.service.',
];

export function renderIptables(p: Policy): string {
  const rule = (r: string) => `-A ${CHAIN} ${r}`;
  const lines = [
    `# bulkhead harden: DOCKER-USER rules (IPv4). ${RESTORE_HELP[0]!.slice(2)}`,
    ...RESTORE_HELP.slice(1),
    '*filter',
    `:${CHAIN} - [0:0]`,
    rule('-m conntrack --ctstate RELATED,ESTABLISHED -j RETURN'),
  ];
  if (p.sources) {
    for (const port of p.ports) {
      const match = `-p ${port.protocol} -m conntrack --ctstate DNAT --ctorigdstport ${port.port} --ctdir ORIGINAL`;
      lines.push(`# published ${port.protocol}/${port.port} (${port.containers.join(', ')})`);
      for (const src of p.sources.v4) lines.push(rule(`${match} -s ${src} -j RETURN`));
      lines.push(rule(`${match} -j DROP`));
    }
  }
  if (p.egress) {
    for (const br of p.bridges) {
      lines.push(`# egress from ${br}`);
      for (const dst of p.egress.v4) lines.push(rule(`-i ${br} ! -o ${br} -d ${dst} -j RETURN`));
      lines.push(rule(`-i ${br} ! -o ${br} -j DROP`));
    }
  }
  lines.push(rule('-j RETURN'), `-I DOCKER-USER 1 -j ${CHAIN}`, 'COMMIT', '');
  return lines.join('\n');
}

const nftSet = (items: readonly string[]): string =>
  items.length === 1 ? items[0]! : `{ ${items.join(', ')} }`;

export function renderNft(p: Policy): string {
  const rules: string[] = ['ct state established,related accept'];
  if (p.sources) {
    for (const port of p.ports) {
      const match = `meta l4proto ${port.protocol} ct status dnat ct original proto-dst ${port.port}`;
      rules.push(`# published ${port.protocol}/${port.port} (${port.containers.join(', ')})`);
      if (p.sources.v4.length) rules.push(`${match} ip saddr ${nftSet(p.sources.v4)} accept`);
      if (p.sources.v6.length) rules.push(`${match} ip6 saddr ${nftSet(p.sources.v6)} accept`);
      rules.push(`${match} drop`);
    }
  }
  if (p.egress) {
    for (const br of p.bridges) {
      const match = `iifname "${br}" oifname != "${br}"`;
      rules.push(`# egress from ${br}`);
      if (p.egress.v4.length) rules.push(`${match} ip daddr ${nftSet(p.egress.v4)} accept`);
      if (p.egress.v6.length) rules.push(`${match} ip6 daddr ${nftSet(p.egress.v6)} accept`);
      rules.push(`${match} drop`);
    }
  }
  return [
    '#!/usr/sbin/nft -f',
    '# bulkhead harden: the DOCKER-USER policy as an nftables table of its own. Load: nft -f bulkhead.nft',
    `# Never "flush ruleset": the first two lines create and delete only table inet ${NFT_TABLE}, so loading`,
    "# again replaces it. An accept here hands the packet on to the next chain on the hook (Docker's); a drop is final.",
    `table inet ${NFT_TABLE}`,
    `delete table inet ${NFT_TABLE}`,
    `table inet ${NFT_TABLE} {`,
    '  chain docker-user {',
    `    type filter hook forward priority ${NFT_PRIORITY}; policy accept;`,
    ...rules.map((r) => `    ${r}`),
    '  }',
    '}',
    '',
  ].join('\n');
}

export interface FirewallPlan {
  files: GeneratedFile[];
  notes: string[];
}

export function planFirewall(input: HardenInput, opts: FirewallOptions = {}): FirewallPlan {
  const { report, snapshot: s } = input;
  const notes: string[] = [];
  const sources = opts.allowSource?.length ? parseCidrs(opts.allowSource, '--allow-source') : undefined;
  const egressList = opts.allowEgress?.length ? parseCidrs(opts.allowEgress, '--allow-egress') : undefined;
  const egressFailed = hasFailed(report, 'BH-HST-045') || hasFailed(report, 'BH-NET-002');
  const egress = egressList ?? (egressFailed ? { v4: [], v6: [] } : undefined);
  const { ports, ephemeral } = publishedPorts(s.containers ?? []);
  const bridges = [...new Set(containerBridges(s).map((b) => b.iface))];

  if (!s.containers)
    notes.push(`firewall: containers were not collected (${s.gaps.containers ?? 'unknown'})`);
  if (!sources && ports.length > 0)
    notes.push(
      `firewall: ${ports.length} published port(s) stay reachable from everywhere: give --allow-source CIDR to restrict them`,
    );
  if (sources && ports.length === 0)
    notes.push('firewall: no live container publishes a port on a reachable address');
  if (sources && sources.v4.length === 0 && ports.length > 0)
    notes.push(
      'firewall: only IPv6 sources given: the iptables (IPv4) rules drop every source to published ports',
    );
  if (ephemeral.length > 0)
    notes.push(
      `firewall: ports published on a random host port are not covered (publish them on a fixed port): ${ephemeral.join(', ')}`,
    );
  if (!egress)
    notes.push(
      'firewall: container egress is left open (egressPolicy is "allow"); give --allow-egress CIDR to block everything else',
    );
  else if (bridges.length === 0)
    notes.push('firewall: no bridge network can route out; no egress rules needed');
  if (egress && egress.v4.length + egress.v6.length === 0)
    notes.push(
      'firewall: containers may reach no outside address at all, not even DNS servers: add them with --allow-egress',
    );

  const policy: Policy = {
    ports: sources ? ports : [],
    bridges: egress ? bridges : [],
    ...(sources ? { sources } : {}),
    ...(egress ? { egress } : {}),
  };
  if (policy.ports.length === 0 && policy.bridges.length === 0) return { files: [], notes };

  const explanations: Explanation[] = [
    {
      setting: 'ct state established,related',
      text: 'Replies to connections already allowed pass first, so blocking new connections never cuts existing ones.',
      checkIds: [],
    },
  ];
  if (policy.ports.length > 0)
    explanations.push({
      setting: `published ports ${policy.ports.map((p) => `${p.protocol}/${p.port}`).join(', ')}`,
      text: `New connections to a published port are dropped unless they come from ${[...sources!.v4, ...sources!.v6].join(', ')}. The port is matched as the client sent it (conntrack original destination), because Docker's DNAT has already rewritten it to the container's port.`,
      checkIds: ['BH-HST-044', 'BH-NET-003', 'BH-CTR-015'],
    });
  if (policy.bridges.length > 0) {
    const allowed = [...egress!.v4, ...egress!.v6];
    explanations.push({
      setting: `egress from ${policy.bridges.join(', ')}`,
      text: `Containers may open connections leaving their bridge only to ${allowed.length ? allowed.join(', ') : 'nothing'}; everything else is dropped. The embedded DNS server forwards queries from the container's namespace, so allow the DNS servers too.`,
      checkIds: ['BH-HST-045', 'BH-NET-002'],
    });
  }
  explanations.push({
    setting: 'final RETURN / policy accept',
    text: "Anything not dropped continues to Docker's own chains, which still apply their isolation rules.",
    checkIds: [],
  });
  const base = { area: 'firewall' as const, mode: 0o600, apply: false, changed: true, explanations };
  const files: GeneratedFile[] = [
    {
      ...base,
      name: 'firewall/docker-user.rules',
      title: 'iptables rules for the DOCKER-USER chain (iptables-restore --noflush)',
      content: renderIptables(policy),
      validate: 'iptables',
      next: ['iptables-restore --noflush < docker-user.rules'],
    },
    {
      ...base,
      name: 'firewall/bulkhead.nft',
      title: `the same policy as nftables table inet ${NFT_TABLE}`,
      content: renderNft(policy),
      validate: 'nft',
      next: ['nft -f bulkhead.nft'],
    },
  ];
  const backend = s.host?.firewall?.backend;
  if (backend && backend !== 'none')
    notes.push(`firewall: this host's rules are managed with ${backend}; load the matching file, not both`);
  return { files, notes };
}
