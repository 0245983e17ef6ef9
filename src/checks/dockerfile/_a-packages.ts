// Package names an install command asks for, by parsed words, for rules that care what ships (sudo, sshd).
import type { ShellWord } from '../../facts/dockerfile.js';
import { type Effective, operands } from './_lib.js';

/** Install sub-commands by package manager (the program name, wrappers already stripped). */
const INSTALL: Record<string, Set<string>> = {
  'apt-get': new Set(['install']),
  apt: new Set(['install']),
  aptitude: new Set(['install']),
  apk: new Set(['add']),
  yum: new Set(['install']),
  dnf: new Set(['install']),
  microdnf: new Set(['install']),
  tdnf: new Set(['install']),
  zypper: new Set(['install', 'in']),
};

/** Options of these managers that take a separate value (so the value is not read as a package). */
const VALUED = [
  '-o',
  '-t',
  '-c',
  '-X',
  '--repository',
  '--virtual',
  '-t',
  '--root',
  '--setopt',
  '--enablerepo',
  '--disablerepo',
  '--installroot',
  '--releasever',
];

/** The package operands of an install command, or [] when the command installs nothing. */
export function installed(eff: Effective): ShellWord[] {
  if (eff.name === null) return [];
  if (eff.name === 'pacman') {
    const sync = eff.args.some((a) => /^-S[a-zA-Z]*$/.test(a.value) && !/[si]/.test(a.value.slice(2)));
    return sync ? operands(eff.args, VALUED) : [];
  }
  const subs = INSTALL[eff.name];
  if (!subs) return [];
  const ops = operands(eff.args, VALUED);
  const sub = ops.findIndex((w) => subs.has(w.value));
  // The sub-command must come first among the operands (`apt-get install`, not `apt-get download install`).
  return sub === 0 ? ops.slice(1) : [];
}

/** `sudo`, `sudo=1.9.13p3-1`, `sudo-1.9.5p2`, `sudo~1.9` name the package `sudo`. */
export function packageIs(word: string, name: string): boolean {
  if (!word.startsWith(name)) return false;
  const rest = word.slice(name.length);
  return rest === '' || /^(?:[=<>~]|-\d|:[a-z0-9]+$)/.test(rest);
}
