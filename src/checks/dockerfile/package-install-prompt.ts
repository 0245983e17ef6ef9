import { defineCheck, url } from '../../core/model.js';
import { at, configBefore } from './_c-context.js';
import { type PkgCommand, packageCommands, show } from './_c-packages.js';
import { effective, finding, verdict } from './_lib.js';

const TRUE = /^(?:1|yes|true|on)$/i;
const FALSE = /^(?:0|no|false|off)$/i;
const APT_CONF = ['/etc/apt/apt.conf'];
const APT_ASSUME_YES = /APT::Get::Assume-Yes\s*"?\s*(?:1|yes|true|on)\b/i;
const RPM_CONF = ['/etc/yum.conf', '/etc/dnf/dnf.conf', '/etc/yum/yum.conf', '/etc/tdnf/tdnf.conf'];
const RPM_ASSUME_YES = /assumeyes\s*=\s*(?:1|yes|true|on)\b/i;

/** `-q -q`, `-qq`, `-q=2`, `--quiet=2`: apt-get's quiet level 2 implies -y. */
function quietLevel(pc: PkgCommand): number {
  let n = 0;
  for (const o of pc.options) {
    if (o.name !== '-q' && o.name !== '--quiet') continue;
    if (o.value !== null && /^\d+$/.test(o.value)) n = Number(o.value);
    else n++;
  }
  return n;
}

const flagOn = (pc: PkgCommand, ...names: string[]) =>
  pc.options.some((o) => names.includes(o.name) && (o.value === null || !FALSE.test(o.value)));

/** `-o APT::Get::Assume-Yes=true`, `--setopt=assumeyes=1`: a config key given on the command line. */
function configOption(pc: PkgCommand, names: string[], key: string): boolean {
  const k = key.toLowerCase();
  return pc.options.some((o) => {
    if (!names.includes(o.name) || o.value === null) return false;
    const eq = o.value.indexOf('=');
    return (
      eq > 0 && o.value.slice(0, eq).trim().toLowerCase() === k && TRUE.test(o.value.slice(eq + 1).trim())
    );
  });
}

/** `yes | apt-get install foo` answers every prompt. */
function fedByYes(pc: PkgCommand): boolean {
  if (pc.cmd.pipeline < 0 || pc.cmd.pipeIndex === 0) return false;
  const cmds = pc.ins.shell?.commands ?? [];
  return cmds.some((c) => c.pipeline === pc.cmd.pipeline && c.pipeIndex === 0 && effective(c).name === 'yes');
}

const PROMPTS = new Set(['install', 'upgrade', 'remove', 'autoremove']);

export default defineCheck({
  id: 'BH-DKF-041',
  slug: 'package-install-prompt',
  title: 'Package installs answer the confirmation prompt',
  severity: 'medium',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'A build has no terminal: `apt-get install`, `yum install` or `zypper install` without their assume-yes option read EOF at the "Do you want to continue?" prompt and abort, or only work while no extra dependency is pulled in, so the build breaks the day a dependency changes. `DEBIAN_FRONTEND=noninteractive` silences debconf questions, not this prompt. hadolint DL3014 (apt-get -y), DL3038 (dnf -y), DL3034 (zypper --non-interactive); Trivy DS021.',
  remediation:
    "Pass the tool's assume-yes option:\n\n```dockerfile\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN dnf install -y curl\nRUN zypper --non-interactive install curl\n```",
  refs: [url('https://github.com/hadolint/hadolint/wiki/DL3014')],
  evaluate: (df) => {
    const found = [];
    for (const pc of packageCommands(df)) {
      if (!PROMPTS.has(pc.action)) continue;
      let missing: string | null = null;
      if (pc.family === 'apt') {
        if (
          flagOn(pc, '-y', '--yes', '--assume-yes') ||
          quietLevel(pc) >= 2 ||
          configOption(pc, ['-o', '--option'], 'APT::Get::Assume-Yes') ||
          fedByYes(pc)
        )
          continue;
        const conf = configBefore(df, pc, APT_CONF);
        if (conf.opaque || APT_ASSUME_YES.test(conf.text)) continue;
        missing = '-y';
      } else if (pc.family === 'rpm') {
        if (flagOn(pc, '-y', '--assumeyes') || configOption(pc, ['--setopt'], 'assumeyes') || fedByYes(pc))
          continue;
        const conf = configBefore(df, pc, RPM_CONF);
        if (conf.opaque || RPM_ASSUME_YES.test(conf.text)) continue;
        missing = '-y';
      } else if (pc.family === 'zypper') {
        // -n is global (before the subcommand); after `install` it means --name.
        if (pc.options.some((o) => o.global && (o.name === '-n' || o.name === '--non-interactive'))) continue;
        if (pc.options.some((o) => !o.global && (o.name === '-y' || o.name === '--no-confirm'))) continue;
        if (fedByYes(pc)) continue;
        missing = '--non-interactive';
      } else if (pc.family === 'pip' && pc.action === 'remove') {
        if (flagOn(pc, '-y', '--yes') || fedByYes(pc)) continue;
        missing = '-y';
      } else continue;
      found.push(finding(df, pc.ins, `${pc.tool} ${pc.verb} without ${missing}: ${show(pc.cmd)}`, at(pc)));
    }
    return verdict(found, 'every package install answers its confirmation prompt');
  },
});
