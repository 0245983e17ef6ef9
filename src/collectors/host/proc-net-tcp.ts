// Parser for /proc/net/tcp and /proc/net/tcp6: listening sockets (state 0A) with decoded addresses.
import type { ListenerFact } from '../../facts/host.js';

const LISTEN = '0A';

/** The kernel prints each 32-bit word of the address in host byte order (little-endian on x86/arm). */
function wordBytes(hex: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < 8; i += 2) bytes.push(Number.parseInt(hex.slice(i, i + 2), 16));
  return bytes.reverse();
}

export function decodeIpv4(hex: string): string {
  if (!/^[0-9A-Fa-f]{8}$/.test(hex)) throw new Error(`bad IPv4 hex address: ${hex}`);
  return wordBytes(hex).join('.');
}

/** Compresses the longest run of zero groups, as inet_ntop does; IPv4-mapped addresses keep dotted form. */
export function decodeIpv6(hex: string): string {
  if (!/^[0-9A-Fa-f]{32}$/.test(hex)) throw new Error(`bad IPv6 hex address: ${hex}`);
  const bytes: number[] = [];
  for (let w = 0; w < 4; w++) bytes.push(...wordBytes(hex.slice(w * 8, w * 8 + 8)));
  const isMapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (isMapped) return `::ffff:${bytes.slice(12).join('.')}`;
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i]! << 8) | bytes[i + 1]!);
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i > 1) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hexes = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hexes.join(':');
  const head = hexes.slice(0, bestStart).join(':');
  const tail = hexes.slice(bestStart + bestLen).join(':');
  return `${head}::${tail}`;
}

/** Listening sockets from the text of /proc/net/tcp (protocol 'tcp') or /proc/net/tcp6 ('tcp6'). */
export function parseProcNetTcp(text: string, protocol: 'tcp' | 'tcp6'): ListenerFact[] {
  const out: ListenerFact[] = [];
  for (const line of text.split('\n')) {
    const cols = line.trim().split(/\s+/);
    // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
    if (cols.length < 10 || !/^\d+:$/.test(cols[0] ?? '')) continue;
    if (cols[3]?.toUpperCase() !== LISTEN) continue;
    const [addrHex, portHex] = (cols[1] ?? '').split(':');
    if (!addrHex || !portHex) continue;
    let address: string;
    try {
      address = protocol === 'tcp' ? decodeIpv4(addrHex) : decodeIpv6(addrHex);
    } catch {
      continue;
    }
    const inode = Number.parseInt(cols[9] ?? '', 10);
    out.push({
      protocol,
      address,
      port: Number.parseInt(portHex, 16),
      ...(Number.isFinite(inode) && inode > 0 ? { inode } : {}),
    });
  }
  return out;
}
