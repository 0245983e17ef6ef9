// Helpers (not checks): reading firewall chains (iptables-save or nft) and IPv4 CIDR arithmetic.
import type { FirewallChain, FirewallFact } from '../../facts/host.js';

export interface Cidr {
  base: number;
  bits: number;
}

export function parseCidr(s: string): Cidr | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(s.trim());
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  if (octets.some((o) => o > 255)) return undefined;
  const bits = m[5] === undefined ? 32 : Number(m[5]);
  if (bits > 32) return undefined;
  const ip = octets.reduce((acc, o) => acc * 256 + o, 0);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return { base: (ip & mask) >>> 0, bits };
}

/** True when `outer` contains all of `inner`. */
export function cidrCovers(outer: string, inner: string): boolean {
  const o = parseCidr(outer);
  const i = parseCidr(inner);
  if (!o || !i || o.bits > i.bits) return false;
  const mask = o.bits === 0 ? 0 : (0xffffffff << (32 - o.bits)) >>> 0;
  return (i.base & mask) >>> 0 === o.base;
}

export const isIpv4Cidr = (s: string): boolean => parseCidr(s) !== undefined;

/** iptables (`docker+`) and nftables (`br-*`) interface wildcards. */
export function ifaceMatches(pattern: string, name: string): boolean {
  const p = pattern.replace(/^"|"$/g, '');
  if (p.endsWith('+') || p.endsWith('*')) return name.startsWith(p.slice(0, -1));
  return p === name;
}

/** A rule reduced to what decides whether it stops container egress. */
export interface RuleMatch {
  text: string;
  src?: { neg: boolean; cidrs: string[] };
  dst?: { neg: boolean; cidrs: string[] };
  iif?: { neg: boolean; names: string[] };
  oif?: { neg: boolean; names: string[] };
  /** A protocol/port restriction: the rule stops only part of the traffic. */
  proto?: string;
  verdict?: 'drop' | 'reject' | 'accept' | 'return' | 'jump';
  /** No match at all (e.g. `-A DOCKER-USER -j RETURN`): everything after it is unreachable for RETURN/ACCEPT. */
  unconditional: boolean;
}

const list = (v: string): string[] =>
  v
    .replace(/^\{|\}$/g, '')
    .split(',')
    .map((x) => x.trim().replace(/^"|"$/g, ''))
    .filter(Boolean);

export function parseIptablesRule(text: string): RuleMatch {
  const t = text.trim().split(/\s+/);
  const r: RuleMatch = { text, unconditional: true };
  let neg = false;
  for (let i = 0; i < t.length; i++) {
    const tok = t[i]!;
    if (tok === '!') {
      neg = true;
      continue;
    }
    const val = t[i + 1] ?? '';
    switch (tok) {
      case '-A':
      case '-I':
        i++;
        break;
      case '-s':
      case '--source':
        r.src = { neg, cidrs: list(val) };
        r.unconditional = false;
        i++;
        break;
      case '-d':
      case '--destination':
        r.dst = { neg, cidrs: list(val) };
        r.unconditional = false;
        i++;
        break;
      case '-i':
      case '--in-interface':
        r.iif = { neg, names: [val] };
        r.unconditional = false;
        i++;
        break;
      case '-o':
      case '--out-interface':
        r.oif = { neg, names: [val] };
        r.unconditional = false;
        i++;
        break;
      case '-p':
      case '--protocol':
        if (!(val === 'all' && !neg)) r.proto = `${neg ? '! ' : ''}-p ${val}`;
        r.unconditional = false;
        i++;
        break;
      case '-j':
      case '--jump':
      case '-g':
      case '--goto': {
        const v = val.toUpperCase();
        r.verdict =
          v === 'DROP'
            ? 'drop'
            : v === 'REJECT'
              ? 'reject'
              : v === 'ACCEPT'
                ? 'accept'
                : v === 'RETURN'
                  ? 'return'
                  : 'jump';
        i++;
        break;
      }
      case '-m':
      case '--match':
        i++;
        break;
      default:
        if (tok.startsWith('-')) {
          r.unconditional = false;
          // option values (e.g. --ctstate NEW, --dport 53) belong to a match
          if (t[i + 1] && !t[i + 1]!.startsWith('-') && t[i + 1] !== '!') i++;
        }
    }
    neg = false;
  }
  return r;
}

export function parseNftRule(text: string): RuleMatch {
  const r: RuleMatch = { text, unconditional: true };
  const grab = (re: RegExp): { neg: boolean; value: string } | undefined => {
    const m = re.exec(text);
    return m ? { neg: m[1] !== undefined, value: m[2]! } : undefined;
  };
  const VAL = '(\\{[^}]*\\}|"[^"]*"|\\S+)';
  const saddr = grab(new RegExp(`\\bip saddr (!= )?${VAL}`));
  const daddr = grab(new RegExp(`\\bip daddr (!= )?${VAL}`));
  const iif = grab(new RegExp(`\\b(?:iifname|iif) (!= )?${VAL}`));
  const oif = grab(new RegExp(`\\b(?:oifname|oif) (!= )?${VAL}`));
  if (saddr) r.src = { neg: saddr.neg, cidrs: list(saddr.value) };
  if (daddr) r.dst = { neg: daddr.neg, cidrs: list(daddr.value) };
  if (iif) r.iif = { neg: iif.neg, names: list(iif.value) };
  if (oif) r.oif = { neg: oif.neg, names: list(oif.value) };
  const proto = /\b(meta l4proto \S+|ip protocol \S+|tcp|udp|sctp|icmp)\b/.exec(
    text.replace(/\bct state \S+/g, ''),
  );
  if (proto) r.proto = proto[1]!;
  const stripped = text.replace(/\bcounter( packets \d+ bytes \d+)?/g, '').trim();
  const verdict = /\b(drop|reject|accept|return|jump|goto)\b(?:\s+with\s+.*|\s+\S+)?$/.exec(stripped);
  if (verdict) {
    const v = verdict[1]!;
    r.verdict = (v === 'goto' ? 'jump' : v) as NonNullable<RuleMatch['verdict']>;
  }
  r.unconditional = /^(drop|reject|accept|return)$/.test(stripped);
  return r;
}

export interface Bridge {
  /** Network name, for evidence. */
  network: string;
  subnet: string;
  iface: string;
}

export type EgressVerdict = { blocks: true } | { blocks: false; partial?: string };

/** Does this rule stop traffic from the bridge's subnet to destinations outside the host's bridges? */
export function blocksEgress(r: RuleMatch, b: Bridge, bridgeIfaces: string[]): EgressVerdict {
  if (r.verdict !== 'drop' && r.verdict !== 'reject') return { blocks: false };
  if (r.src) {
    if (r.src.neg || !r.src.cidrs.some((c) => cidrCovers(c, b.subnet))) return { blocks: false };
  }
  if (r.iif) {
    const m = r.iif.names.some((n) => ifaceMatches(n, b.iface));
    if (r.iif.neg ? m : !m) return { blocks: false };
  }
  if (r.oif) {
    const toBridge = r.oif.names.some((n) => bridgeIfaces.some((i) => ifaceMatches(n, i)));
    // positive -o docker0: traffic into a bridge, not out of the host; `! -o docker0`/`! -o br-+` is egress
    if (!r.oif.neg && toBridge) return { blocks: false };
    if (r.oif.neg && !r.oif.names.some((n) => ifaceMatches(n, b.iface))) return { blocks: false };
  }
  if (r.dst && !r.dst.neg && !r.dst.cidrs.some((c) => parseCidr(c)?.bits === 0))
    return { blocks: false, partial: `only to ${r.dst.cidrs.join(',')}` };
  if (r.proto) return { blocks: false, partial: `only ${r.proto}` };
  return { blocks: true };
}

/** iptables: the filter table FORWARD chain; nftables: every base chain on the forward hook. */
export function forwardChains(fw: FirewallFact): FirewallChain[] {
  if (fw.backend === 'iptables') return fw.chains.filter((c) => c.table === 'filter' && c.name === 'FORWARD');
  if (fw.backend === 'nftables') return fw.chains.filter((c) => c.hook === 'forward');
  return [];
}

export const dockerJump = /-j (DOCKER-USER|DOCKER-FORWARD|DOCKER-ISOLATION-STAGE-1|DOCKER-ISOLATION)\b/;
