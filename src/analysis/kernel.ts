// Kernel release strings (`uname -r`): vanilla releases carry the upstream sublevel; distro kernels
// (6.1.0-17-amd64, 5.15.0-91-generic, 4.18.0-513.el8) encode an ABI/build number instead and backport
// fixes, so only their release line (major.minor) is known.
import { type CveMatch, matchCves } from './cve-table.js';

export interface KernelRelease {
  raw: string;
  major: number;
  minor: number;
  /** Upstream sublevel; only meaningful for vanilla kernels. */
  sublevel: number;
  rc?: number;
  /** dpkg-comparable upstream version (vanilla kernels). */
  comparable: string;
  /** Undefined for vanilla kernels; otherwise the flavour detected (debian, ubuntu, rhel, ...). */
  distro?: string;
}

const DISTRO_PATTERNS: readonly [RegExp, string][] = [
  [/\.el\d+/, 'rhel'],
  [/\.fc\d+/, 'fedora'],
  [/amzn/, 'amazon'],
  [/-(generic|lowlatency|aws|azure|gcp|oracle|kvm|raspi|ibm)(-[\w.]+)?$/, 'ubuntu'],
  [/-(amd64|arm64|armmp|686|686-pae|cloud-amd64|cloud-arm64|rt-amd64|rpi)$/, 'debian'],
  [/-(default|azure|preempt)$/, 'suse'],
  [/-(lts|virt|edge)$/, 'alpine'],
  [/-arch\d+/, 'arch'],
  [/microsoft/, 'wsl'],
  [/uek/, 'oracle'],
];

const RELEASE_RE = /^(\d+)\.(\d+)(?:\.(\d+))?(?:-rc(\d+))?(.*)$/;
/** Suffixes of a self-built vanilla kernel: `+` (dirty tree) or a git-describe `-00042-gabcdef`. */
const VANILLA_SUFFIX = /^(\+|-\d+-g[0-9a-f]+\+?)?$/;

export function parseKernelRelease(input: string): KernelRelease | undefined {
  const raw = input.trim();
  const m = RELEASE_RE.exec(raw);
  if (!m) return undefined;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const sublevel = m[3] === undefined ? 0 : Number(m[3]);
  const rc = m[4] === undefined ? undefined : Number(m[4]);
  const rest = m[5] ?? '';
  const k: KernelRelease = {
    raw,
    major,
    minor,
    sublevel,
    // Release candidates precede the release (x.y-rcN < x.y), and are spelled without sublevel upstream.
    comparable: rc === undefined ? `${major}.${minor}.${sublevel}` : `${major}.${minor}~rc${rc}`,
  };
  if (rc !== undefined) k.rc = rc;
  if (!VANILLA_SUFFIX.test(rest)) {
    k.distro = DISTRO_PATTERNS.find(([re]) => re.test(rest))?.[1] ?? 'distro';
  }
  return k;
}

export interface KernelAssessment {
  kernel: KernelRelease;
  /** Vanilla kernel in an affected range. */
  affected: CveMatch[];
  /** Distro kernel whose line is touched, or a vanilla kernel the table cannot settle. */
  verify: CveMatch[];
  /** Matches dropped because their precondition is absent (e.g. cgroup v1 CVE on a cgroup v2 host). */
  notExploitable: CveMatch[];
}

export function assessKernel(kernel: KernelRelease, opts: { cgroupVersion?: 1 | 2 } = {}): KernelAssessment {
  const matches = kernel.distro
    ? matchCves('kernel', { kind: 'line', major: kernel.major, minor: kernel.minor })
    : matchCves('kernel', { kind: 'exact', comparable: kernel.comparable });
  const out: KernelAssessment = { kernel, affected: [], verify: [], notExploitable: [] };
  for (const m of matches) {
    if (m.row.condition === 'cgroup-v1' && opts.cgroupVersion === 2) out.notExploitable.push(m);
    else if (m.status === 'affected') out.affected.push(m);
    else out.verify.push(m);
  }
  return out;
}
