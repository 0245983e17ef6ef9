// Parsers for `iptables-save` and `nft list ruleset` output into chains with policies and rules.
import type { FirewallChain } from '../../facts/host.js';

/**
 * iptables-save: `*table` opens a table, `:CHAIN POLICY [pkts:bytes]` declares a chain, `-A CHAIN ...`
 * appends a rule (kept verbatim, for evidence), `COMMIT` closes the table.
 */
export function parseIptablesSave(text: string): FirewallChain[] {
  const chains: FirewallChain[] = [];
  const byKey = new Map<string, FirewallChain>();
  let table: string | undefined;
  const chainFor = (name: string): FirewallChain => {
    const key = `${table}\u0000${name}`;
    let c = byKey.get(key);
    if (!c) {
      c = { table: table ?? '', name, policy: '-', rules: [] };
      byKey.set(key, c);
      chains.push(c);
    }
    return c;
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('*')) {
      table = line.slice(1).trim();
      continue;
    }
    if (line === 'COMMIT') {
      table = undefined;
      continue;
    }
    if (table === undefined) continue;
    if (line.startsWith(':')) {
      const [name, policy] = line.slice(1).split(/\s+/);
      if (name) chainFor(name).policy = policy ?? '-';
      continue;
    }
    const m = /^-[AI]\s+(\S+)/.exec(line);
    if (m?.[1]) chainFor(m[1]).rules.push(line);
  }
  return chains;
}

const count = (s: string, ch: string): number => s.split(ch).length - 1;

/**
 * `nft list ruleset`: chains inside `table <family> <name> { ... }`. Base chains carry `type ... hook H
 * priority P; policy X;` (policy defaults to accept); sets, maps and flowtables are skipped. Rule lines are
 * kept without their `# handle N` comments.
 */
export function parseNftRuleset(text: string): FirewallChain[] {
  const chains: FirewallChain[] = [];
  let table: string | undefined;
  let chain: FirewallChain | undefined;
  // depth of braces relative to the table, so nested sets/maps/elements are skipped
  let depth = 0;
  let skipUntil = -1;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (line === '' || line.startsWith('#')) continue;
    const opens = count(line, '{');
    const closes = count(line, '}');
    if (skipUntil >= 0) {
      depth += opens - closes;
      if (depth <= skipUntil) skipUntil = -1;
      continue;
    }
    if (depth === 0) {
      const m = /^table\s+(\S+)\s+(\S+)\s*\{/.exec(line);
      if (m) table = `${m[1]} ${m[2]}`;
      depth += opens - closes;
      continue;
    }
    if (depth === 1) {
      const m = /^chain\s+(\S+)\s*\{/.exec(line);
      if (m?.[1] && table) {
        chain = { table, name: m[1], policy: '-', rules: [] };
        chains.push(chain);
        depth += opens - closes;
        if (depth === 1) chain = undefined;
        continue;
      }
      if (opens > closes) {
        // set / map / flowtable / ct helper block: skip it entirely
        skipUntil = depth;
        depth += opens - closes;
        continue;
      }
      depth += opens - closes;
      if (depth === 0) table = undefined;
      continue;
    }
    // depth >= 2: inside a chain
    if (closes > opens && depth + opens - closes <= 1) {
      depth += opens - closes;
      chain = undefined;
      continue;
    }
    if (chain && depth === 2) {
      const base = /^type\s+\S+\s+hook\s+(\S+)/.exec(line);
      if (base?.[1]) {
        chain.hook = base[1];
        const pol = /policy\s+(\w+)/.exec(line);
        chain.policy = pol?.[1] ?? 'accept';
        depth += opens - closes;
        continue;
      }
      if (/^policy\s+\w+;?$/.test(line)) {
        chain.policy = /policy\s+(\w+)/.exec(line)?.[1] ?? chain.policy;
        continue;
      }
      if (!/^(comment|devices|device)\s/.test(line)) chain.rules.push(line.replace(/;$/, ''));
    }
    depth += opens - closes;
  }
  return chains;
}
