import { describe, expect, it } from 'vitest';
import {
  blocksEgress,
  cidrCovers,
  ifaceMatches,
  parseCidr,
  parseIptablesRule,
  parseNftRule,
} from './_firewall.js';

const docker0 = { network: 'bridge', subnet: '172.17.0.0/16', iface: 'docker0' };

describe('CIDR helpers', () => {
  it.each<[string, string, boolean]>([
    ['172.16.0.0/12', '172.17.0.0/16', true],
    ['172.17.0.0/16', '172.17.0.0/16', true],
    ['172.17.0.0/24', '172.17.0.0/16', false],
    ['10.0.0.0/8', '172.17.0.0/16', false],
    ['0.0.0.0/0', '192.168.1.0/24', true],
    ['172.17.0.1', '172.17.0.0/16', false],
  ])('%s covers %s: %s', (outer, inner, want) => expect(cidrCovers(outer, inner)).toBe(want));

  it('rejects bad input', () => {
    expect(parseCidr('300.1.1.1/8')).toBeUndefined();
    expect(parseCidr('fd00::/8')).toBeUndefined();
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
  });

  it('matches interface wildcards', () => {
    expect(ifaceMatches('br-+', 'br-0c9e8d7f6a5b')).toBe(true);
    expect(ifaceMatches('"br-*"', 'br-0c9e8d7f6a5b')).toBe(true);
    expect(ifaceMatches('docker0', 'docker01')).toBe(false);
  });
});

describe('rule parsing', () => {
  it('reads iptables matches with negation', () => {
    expect(
      parseIptablesRule('-A DOCKER-USER -s 172.17.0.0/16,172.18.0.0/16 ! -d 10.0.0.0/8 -j DROP'),
    ).toMatchObject({
      src: { neg: false, cidrs: ['172.17.0.0/16', '172.18.0.0/16'] },
      dst: { neg: true, cidrs: ['10.0.0.0/8'] },
      verdict: 'drop',
      unconditional: false,
    });
    expect(parseIptablesRule('-A DOCKER-USER -j RETURN')).toMatchObject({
      verdict: 'return',
      unconditional: true,
    });
    expect(
      parseIptablesRule('-A DOCKER-USER -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN'),
    ).toMatchObject({
      verdict: 'return',
      unconditional: false,
    });
  });

  it('reads nftables matches', () => {
    expect(
      parseNftRule(
        'iifname "docker0" oifname != { "docker0", "br-*" } counter packets 0 bytes 0 reject with icmp type admin-prohibited',
      ),
    ).toMatchObject({
      iif: { neg: false, names: ['docker0'] },
      oif: { neg: true, names: ['docker0', 'br-*'] },
      verdict: 'reject',
    });
    expect(parseNftRule('ct state established,related accept')).toMatchObject({
      verdict: 'accept',
      unconditional: false,
    });
    expect(parseNftRule('tcp dport 25 drop')).toMatchObject({ proto: 'tcp' });
  });
});

describe('blocksEgress', () => {
  const ifaces = ['docker0', 'br-0c9e8d7f6a5b'];
  it.each<[string, boolean]>([
    ['-A DOCKER-USER -s 172.17.0.0/16 -j DROP', true],
    ['-A DOCKER-USER -i docker0 -o eth0 -j DROP', true],
    ['-A DOCKER-USER -i docker+ ! -o docker0 -j REJECT', true],
    ['-A DOCKER-USER -i br-+ -j DROP', false],
    ['-A DOCKER-USER ! -s 172.17.0.0/16 -j DROP', false],
    ['-A DOCKER-USER -s 172.17.0.0/16 -j ACCEPT', false],
    ['-A DOCKER-USER -i docker0 -o docker0 -j DROP', false],
    ['-A DOCKER-USER -s 172.17.0.0/16 -d 0.0.0.0/0 -j DROP', true],
  ])('%s -> %s', (rule, blocks) =>
    expect(blocksEgress(parseIptablesRule(rule), docker0, ifaces).blocks).toBe(blocks),
  );
});
