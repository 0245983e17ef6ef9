import { cis, defineCheck, type Outcome, practice, url } from '../../core/model.js';
import type { ShellWord } from '../../facts/dockerfile.js';
import { envFindings } from './_b-toggles.js';
import { type Effective, finding, runCommands, verdict } from './_lib.js';

const APT = new Set(['apt-get', 'apt', 'aptitude']);
const APT_FLAGS = new Set(['--allow-unauthenticated', '--allow-insecure-repositories', '--force-yes']);
const APT_OPTION =
  /^(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories|APT::Get::force-yes|Acquire::AllowDowngradeToInsecureRepositories)=(true|1|yes)$/i;
/** `deb [trusted=yes] …` / `[allow-insecure=yes]` in a sources line. */
const TRUSTED_SOURCE = /(^|\s)deb(-src)?\s+\[[^\]]*\b(trusted|allow-insecure|allow-weak)=yes\b/;
const GPGCHECK_OFF = /(^|\\n|[\s.*])(repo_)?gpgcheck\s*=\s*(0|false|no|off)\b/i;
const RPM_TOOLS = new Set(['yum', 'dnf', 'microdnf', 'tdnf']);
const WRITERS = new Set(['echo', 'printf', 'tee', 'sed', 'add-apt-repository', 'yum-config-manager']);

function judge(eff: Effective, heredoc: string | null): string | null {
  const name = eff.name;
  if (name === null) return null;
  const args = eff.args;
  const has = (v: string): boolean => args.some((a: ShellWord) => a.value === v);
  if (APT.has(name)) {
    for (const a of args) {
      if (APT_FLAGS.has(a.value)) return `${name} ${a.value}`;
      if (APT_OPTION.test(a.value)) return `${name} -o ${a.value}`;
    }
  }
  if (name === 'apk' && has('--allow-untrusted')) return 'apk --allow-untrusted';
  if (RPM_TOOLS.has(name) && (has('--nogpgcheck') || has('--no-gpgchecks'))) return `${name} --nogpgcheck`;
  if (
    name === 'zypper' &&
    args.some((a) => a.value === '--no-gpg-checks' || a.value === '--no-gpgcheck' || a.value === '-G')
  )
    return 'zypper without GPG checks';
  if (name === 'rpm') {
    const off = args.find((a) => a.value === '--nosignature' || a.value === '--nodigest');
    if (off) return `rpm ${off.value}`;
  }
  if (name === 'dpkg' && args.some((a) => /^--force-(bad-verify|all)$/.test(a.value)))
    return 'dpkg --force-bad-verify';
  if (name === 'snap' && has('--dangerous')) return 'snap install --dangerous';
  if (name === 'go' && args[0]?.value === 'env') {
    const w = args.find((a) => /^GOSUMDB=off$/i.test(a.value) || /^GONOSUMCHECK=1$/.test(a.value));
    if (w) return `go env -w ${w.value}`;
  }
  if (WRITERS.has(name) || RPM_TOOLS.has(name) || name === 'dnf' || name === 'zypper') {
    for (const a of args) {
      if (TRUSTED_SOURCE.test(a.value)) return 'apt source marked trusted=yes (no signature check)';
      if (GPGCHECK_OFF.test(a.value)) return 'repository with gpgcheck=0';
    }
  }
  if (heredoc !== null) {
    if (TRUSTED_SOURCE.test(heredoc)) return 'apt source marked trusted=yes (no signature check)';
    if (GPGCHECK_OFF.test(heredoc)) return 'repository with gpgcheck=0';
  }
  return null;
}

const envJudge = (name: string, value: string): string | null => {
  if (name === 'GOSUMDB' && value.trim() === 'off')
    return 'GOSUMDB=off turns off Go module checksum verification';
  if (name === 'GONOSUMCHECK' && value.trim() === '1')
    return 'GONOSUMCHECK=1 turns off Go module checksum verification';
  return null;
};

export default defineCheck({
  id: 'BH-DKF-027',
  slug: 'package-signature-disabled',
  title: 'Package signature checks are not turned off',
  severity: 'high',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'Package managers verify signatures so that a mirror, a proxy or a network attacker cannot slip in modified packages; turning that off installs whatever arrives, as root. Flagged: apt-get --allow-unauthenticated/--allow-insecure-repositories/--force-yes and the matching -o APT::Get::AllowUnauthenticated=true options, `deb [trusted=yes] …` sources lines written by echo/tee/heredoc or add-apt-repository, apk --allow-untrusted, yum/dnf/microdnf --nogpgcheck and gpgcheck=0 written into a .repo or set with --setopt, zypper --no-gpg-checks, rpm --nosignature/--nodigest, dpkg --force-bad-verify, snap --dangerous, GOSUMDB=off. pip has no signature switch to turn off (use --require-hashes); npm --ignore-scripts is unrelated. Equivalent: CIS Docker 4.11, Checkov CKV2_DOCKER policies on apt --allow-unauthenticated/--force-yes, apk --allow-untrusted, yum/dnf --nogpgcheck and rpm --nosignature; KICS "Apt Get Install Allow Unauthenticated".',
  remediation:
    'Import the repository key and keep verification on: `curl -fsSL https://repo.example.com/key.gpg | gpg --dearmor -o /etc/apt/keyrings/example.gpg && echo "deb [signed-by=/etc/apt/keyrings/example.gpg] https://repo.example.com stable main" > /etc/apt/sources.list.d/example.list`; for rpm repos `rpm --import https://repo.example.com/RPM-GPG-KEY` with `gpgcheck=1`; for apk add the publisher key to /etc/apk/keys.',
  refs: [cis('4.11'), practice('P-IMG-2'), url('https://wiki.debian.org/DebianRepository/UseThirdParty')],
  evaluate: (df) => {
    const found: Outcome[] = envFindings(df, envJudge);
    for (const { ins, cmd, eff } of runCommands(df)) {
      const heredoc =
        eff.name !== null &&
        !/sh$/.test(eff.name) &&
        cmd.redirects.some((r) => r.op === '<<' || r.op === '<<-')
          ? ins.heredocs.map((h) => h.content).join('\n')
          : null;
      const m = judge(eff, heredoc);
      if (m) found.push(finding(df, ins, `${m}: ${cmd.text}`, cmd));
    }
    return verdict(found, 'no package signature check is turned off');
  },
});
