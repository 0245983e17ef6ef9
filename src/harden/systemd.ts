// The systemd drop-in that takes flags off dockerd's command line once their directives live in daemon.json
// (typically `-H fd://` when "hosts" moves into the file: dockerd refuses to start with both).
import { flagText, SHORT_FLAGS } from '../analysis/dockerd-argv.js';
import type { GeneratedFile } from './types.js';

export const DROP_IN_PATH = '/etc/systemd/system/docker.service.d/bulkhead.conf';

// flagText prints a boolean flag set to true as the bare `--name`; that is the parser's own boolean list.
const isBoolean = (name: string): boolean => flagText(name, 'true') === `--${name}`;

/** argv without the named flags (long or short spelling, `=value`, attached or separate value). */
export function stripDockerdFlags(argv: readonly string[], names: readonly string[]): string[] {
  const drop = new Set(names);
  const out: string[] = [];
  const start = Math.max(
    0,
    argv.findIndex((a) => /(^|\/)dockerd$/.test(a)),
  );
  for (let i = 0; i < argv.length; i++) {
    const tok = argv[i]!;
    if (i <= start || !tok.startsWith('-') || tok === '-') {
      out.push(tok);
      continue;
    }
    let name: string;
    let inline: boolean;
    if (tok.startsWith('--')) {
      const eq = tok.indexOf('=');
      name = eq >= 0 ? tok.slice(2, eq) : tok.slice(2);
      inline = eq >= 0;
    } else {
      name = SHORT_FLAGS[tok[1]!] ?? tok[1]!;
      inline = tok.length > 2;
    }
    const takesNext =
      !inline && !isBoolean(name) && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('-');
    if (drop.has(name)) {
      if (takesNext) i++;
      continue;
    }
    out.push(tok);
    if (takesNext) out.push(argv[++i]!);
  }
  return out;
}

/** One argument in systemd's command-line syntax: quoted when needed, `$` and `%` escaped. */
export function systemdQuote(arg: string): string {
  const escaped = arg.replace(/%/g, '%%').replace(/\$/g, '$$$$');
  if (escaped !== '' && !/[\s"'\\;]/.test(escaped)) return escaped;
  return `"${escaped.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The drop-in: `ExecStart=` resets the unit's command, the next line is the running one minus `flags`. */
export function dockerdDropIn(argv: readonly string[], flags: readonly string[]): GeneratedFile {
  const kept = stripDockerdFlags(argv, flags);
  const shown = flags.map((f) => `--${f}`).join(', ');
  const content = [
    '# bulkhead harden: dockerd now reads these settings from daemon.json, and refuses to start when a',
    `# directive is also a flag, so these flags leave the command line: ${shown}. Built from the running`,
    "# dockerd's command line; drop-ins apply in name order, so one sorting after this file that sets ExecStart wins.",
    '[Service]',
    'ExecStart=',
    `ExecStart=${kept.map(systemdQuote).join(' ')}`,
    '',
  ].join('\n');
  return {
    area: 'daemon',
    name: 'docker.service.d/bulkhead.conf',
    title: 'systemd drop-in for docker.service',
    content,
    mode: 0o644,
    target: DROP_IN_PATH,
    apply: true,
    changed: true,
    validate: 'systemd',
    explanations: [
      {
        setting: 'ExecStart=',
        text: 'An empty ExecStart= clears the command of docker.service; systemd only accepts a second ExecStart for services after it.',
        checkIds: [],
      },
      {
        setting: `ExecStart=${kept.join(' ')}`,
        text: `The same dockerd command without ${shown}: daemon.json holds those directives now.`,
        checkIds: [],
      },
    ],
    next: ['systemctl daemon-reload', 'systemctl restart docker'],
  };
}
