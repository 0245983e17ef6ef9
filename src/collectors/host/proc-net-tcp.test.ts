import { describe, expect, it } from 'vitest';
import { decodeIpv4, decodeIpv6, parseProcNetTcp } from './proc-net-tcp.js';

// Real shapes from a Debian 12 host running dockerd with a published port and sshd.
const TCP = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 18721 1 0000000000000000 100 0 0 10 0
   1: 0100007F:0CEA 00000000:0000 0A 00000000:00000000 00:00000000 00000000   999        0 30211 1 0000000000000000 100 0 0 10 0
   2: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 41502 1 0000000000000000 100 0 0 10 0
   3: 0F02000A:0016 0202000A:C5D2 01 00000000:00000000 02:000A1B2C 00000000     0        0 52113 4 0000000000000000 20 4 29 10 -1
   4: 0500A8C0:0950 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 0 1 0000000000000000 100 0 0 10 0
`;
const TCP6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000000000000:0016 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 18723 1 0000000000000000 100 0 0 10 0
   1: 00000000000000000000000001000000:0277 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 22001 1 0000000000000000 100 0 0 10 0
   2: 0000000000000000FFFF00000100007F:1F91 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 22002 1 0000000000000000 100 0 0 10 0
   3: B80D0120000000000000000001000000:01BB 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 22003 1 0000000000000000 100 0 0 10 0
`;

describe('decodeIpv4 / decodeIpv6', () => {
  it.each([
    ['0100007F', '127.0.0.1'],
    ['00000000', '0.0.0.0'],
    ['0F02000A', '10.0.2.15'],
    ['0100A8C0', '192.168.0.1'],
  ])('IPv4 %s -> %s', (hex, addr) => expect(decodeIpv4(hex)).toBe(addr));

  it.each([
    ['00000000000000000000000000000000', '::'],
    ['00000000000000000000000001000000', '::1'],
    ['0000000000000000FFFF00000100007F', '::ffff:127.0.0.1'],
    ['B80D0120000000000000000001000000', '2001:db8::1'],
    ['000080FE00000000FF0FA202FE3F9A1C', 'fe80::2a2:fff:1c9a:3ffe'],
  ])('IPv6 %s -> %s', (hex, addr) => expect(decodeIpv6(hex)).toBe(addr));

  it('rejects malformed hex', () => {
    expect(() => decodeIpv4('XYZ')).toThrow(/bad IPv4/);
    expect(() => decodeIpv6('0011')).toThrow(/bad IPv6/);
  });
});

describe('parseProcNetTcp', () => {
  it('keeps only listening sockets with port, address and inode', () => {
    expect(parseProcNetTcp(TCP, 'tcp')).toEqual([
      { protocol: 'tcp', address: '0.0.0.0', port: 22, inode: 18721 },
      { protocol: 'tcp', address: '127.0.0.1', port: 3306, inode: 30211 },
      { protocol: 'tcp', address: '0.0.0.0', port: 8080, inode: 41502 },
      { protocol: 'tcp', address: '192.168.0.5', port: 2384 },
    ]);
  });

  it('decodes IPv6 listeners', () => {
    expect(parseProcNetTcp(TCP6, 'tcp6').map((l) => `${l.address}:${l.port}`)).toEqual([
      ':::22',
      '::1:631',
      '::ffff:127.0.0.1:8081',
      '2001:db8::1:443',
    ]);
  });

  it('ignores headers and garbage', () => {
    expect(parseProcNetTcp('garbage\n\n  sl local_address\n', 'tcp')).toEqual([]);
  });
});
