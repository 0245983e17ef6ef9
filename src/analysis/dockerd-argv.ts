// The dockerd command line (from /proc/PID/cmdline) as flag name -> values, following pflag's syntax:
// --name=value, --name value, -H value, -Hvalue, -H=value; boolean flags never take the next token.

/** Short flag letter -> long name, for the flags that have one. */
export const SHORT_FLAGS: Record<string, string> = {
  H: 'host',
  l: 'log-level',
  D: 'debug',
  s: 'storage-driver',
  G: 'group',
  b: 'bridge',
  p: 'pidfile',
  g: 'graph',
};

/** dockerd's boolean flags (they accept --flag, --flag=true|false, never --flag false). */
const BOOLEAN = new Set([
  'debug',
  'tls',
  'tlsverify',
  'icc',
  'userland-proxy',
  'live-restore',
  'iptables',
  'ip6tables',
  'ip-forward',
  'ip-masq',
  'experimental',
  'no-new-privileges',
  'selinux-enabled',
  'rootless',
  'raw-logs',
  'init',
  'validate',
  'ipv6',
  'help',
  'version',
  'no-ipv4',
  'bridge-accept-fwmark',
]);

export interface DockerdArgv {
  argv: string[];
  /** Canonical long name (no dashes) -> every value given, in order; booleans as 'true'/'false'. */
  flags: Record<string, string[]>;
}

export function parseDockerdArgv(argv: readonly string[]): DockerdArgv {
  const flags: Record<string, string[]> = {};
  const add = (name: string, value: string) => {
    const list = flags[name] ?? [];
    list.push(value);
    flags[name] = list;
  };
  // argv[0] is the binary; rootlesskit wrappers may put dockerd later, so start after the dockerd token.
  let i =
    Math.max(
      0,
      argv.findIndex((a) => /(^|\/)dockerd$/.test(a)),
    ) + 1;
  for (; i < argv.length; i++) {
    const tok = argv[i]!;
    let name: string;
    let value: string | undefined;
    if (tok.startsWith('--')) {
      const eq = tok.indexOf('=');
      name = eq >= 0 ? tok.slice(2, eq) : tok.slice(2);
      value = eq >= 0 ? tok.slice(eq + 1) : undefined;
    } else if (tok.startsWith('-') && tok.length > 1) {
      const short = tok[1]!;
      name = SHORT_FLAGS[short] ?? short;
      const rest = tok.slice(2);
      value = rest === '' ? undefined : rest.startsWith('=') ? rest.slice(1) : rest;
    } else {
      continue;
    }
    if (name === '') continue;
    if (BOOLEAN.has(name)) {
      add(name, value === undefined ? 'true' : normaliseBool(value));
      continue;
    }
    if (value === undefined) {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('-')) {
        value = next;
        i++;
      } else value = '';
    }
    add(name, value);
  }
  return { argv: [...argv], flags };
}

/** pflag's ParseBool spellings; anything else is kept as given. */
function normaliseBool(v: string): string {
  if (/^(1|t|true)$/i.test(v)) return 'true';
  if (/^(0|f|false)$/i.test(v)) return 'false';
  return v;
}

/** How the flag was written, for evidence. */
export const flagText = (name: string, value: string): string =>
  BOOLEAN.has(name) ? (value === 'true' ? `--${name}` : `--${name}=${value}`) : `--${name}=${value}`;
