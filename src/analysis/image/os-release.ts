// The base OS: /etc/os-release (or /usr/lib/os-release), else /etc/alpine-release, else /etc/debian_version,
// with end-of-life dates from a table we maintain.
//
// Dates: the vendors' published lifecycles, as collected by endoflife.date — Debian: end of LTS
// (wiki.debian.org/LTS, security support continues as DLAs until then); Ubuntu: end of standard support
// (ubuntu.com/about/release-cycle; ESM needs Ubuntu Pro, which public images do not have); Alpine: end of
// the branch's security support (alpinelinux.org/releases); CentOS/RHEL/Rocky/Alma: end of maintenance
// (access.redhat.com/support/policy/updates/errata); Fedora: EOL of each release (fedoraproject.org
// schedules); Amazon Linux: aws.amazon.com/amazon-linux-2/faqs and the AL2023 lifecycle page; openSUSE Leap:
// en.opensuse.org/Lifetime. Where a vendor gives only a month, the last day of that month. Review yearly.
import type { OsRelease } from '../../facts/image-scan.js';

const EOL: Record<string, Record<string, string>> = {
  debian: {
    '6': '2016-02-29',
    '7': '2018-05-31',
    '8': '2020-06-30',
    '9': '2022-06-30',
    '10': '2024-06-30',
    '11': '2026-08-31',
    '12': '2028-06-30',
    '13': '2030-06-30',
  },
  ubuntu: {
    '12.04': '2017-04-28',
    '14.04': '2019-04-25',
    '16.04': '2021-04-30',
    '18.04': '2023-05-31',
    '20.04': '2025-05-31',
    '20.10': '2021-07-22',
    '21.04': '2022-01-20',
    '21.10': '2022-07-14',
    '22.04': '2027-04-30',
    '22.10': '2023-07-20',
    '23.04': '2024-01-25',
    '23.10': '2024-07-11',
    '24.04': '2029-04-30',
    '24.10': '2025-07-10',
    '25.04': '2026-01-31',
    '25.10': '2026-07-31',
  },
  alpine: {
    '3.5': '2018-11-01',
    '3.6': '2019-05-01',
    '3.7': '2019-11-01',
    '3.8': '2020-05-01',
    '3.9': '2020-11-01',
    '3.10': '2021-05-01',
    '3.11': '2021-11-01',
    '3.12': '2022-05-01',
    '3.13': '2022-11-01',
    '3.14': '2023-05-01',
    '3.15': '2023-11-01',
    '3.16': '2024-05-23',
    '3.17': '2024-11-22',
    '3.18': '2025-05-09',
    '3.19': '2025-11-01',
    '3.20': '2026-04-01',
    '3.21': '2026-11-01',
    '3.22': '2027-05-01',
    '3.23': '2027-11-01',
  },
  centos: { '6': '2020-11-30', '7': '2024-06-30', '8': '2021-12-31', '9': '2027-05-31' },
  rhel: { '6': '2020-11-30', '7': '2024-06-30', '8': '2029-05-31', '9': '2032-05-31', '10': '2035-05-31' },
  rocky: { '8': '2029-05-31', '9': '2032-05-31' },
  almalinux: { '8': '2029-03-01', '9': '2032-05-31' },
  fedora: {
    '35': '2022-12-13',
    '36': '2023-05-16',
    '37': '2023-12-05',
    '38': '2024-05-21',
    '39': '2024-11-26',
    '40': '2025-05-13',
    '41': '2025-12-15',
  },
  amzn: { '2018.03': '2023-12-31', '2': '2026-06-30', '2023': '2029-06-30' },
  'opensuse-leap': { '15.3': '2022-12-31', '15.4': '2023-12-31', '15.5': '2024-12-31', '15.6': '2025-12-31' },
};

/** The table's key for a release: major for Debian/RHEL-likes, major.minor for Alpine and Ubuntu. */
function eolKey(id: string, versionId: string): string {
  if (id === 'alpine' || id === 'opensuse-leap') return versionId.split('.').slice(0, 2).join('.');
  if (id === 'ubuntu' || id === 'amzn') return versionId;
  return versionId.split('.')[0] ?? versionId;
}

export function eolOf(id: string, versionId: string): string | undefined {
  return EOL[id]?.[eolKey(id, versionId)];
}

export function parseOsRelease(text: string): OsRelease | undefined {
  const kv = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
    if (!m) continue;
    let v = (m[2] as string).trim();
    if ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))) v = v.slice(1, -1);
    kv.set(m[1] as string, v.replace(/\\(.)/g, '$1'));
  }
  const id = kv.get('ID')?.toLowerCase();
  if (!id) return undefined;
  return withEol({ id, versionId: kv.get('VERSION_ID') ?? '', prettyName: kv.get('PRETTY_NAME') });
}

function withEol(o: { id: string; versionId: string; prettyName?: string | undefined }): OsRelease {
  const out: OsRelease = { id: o.id, versionId: o.versionId };
  if (o.prettyName) out.prettyName = o.prettyName;
  const eol = o.versionId ? eolOf(o.id, o.versionId) : undefined;
  if (eol) out.eol = eol;
  return out;
}

export function fromAlpineRelease(text: string): OsRelease | undefined {
  const v = text.trim().split('\n')[0]?.trim();
  return v && /^\d+\.\d+/.test(v) ? withEol({ id: 'alpine', versionId: v }) : undefined;
}

/** `12.5` → Debian 12; `bookworm/sid` (testing) has no number and so no EOL. */
export function fromDebianVersion(text: string): OsRelease | undefined {
  const v = text.trim().split('\n')[0]?.trim();
  if (!v) return undefined;
  const m = /^(\d+)/.exec(v);
  return withEol({ id: 'debian', versionId: m ? (m[1] as string) : '' });
}

export const OS_FILES = [
  '/etc/os-release',
  '/usr/lib/os-release',
  '/etc/alpine-release',
  '/etc/debian_version',
];
