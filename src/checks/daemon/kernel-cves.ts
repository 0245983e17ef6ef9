import { fixesFor } from '../../analysis/cve-table.js';
import { assessKernel, parseKernelRelease } from '../../analysis/kernel.js';
import { defineCheck, fail, pass, practice, unknown } from '../../core/model.js';

export default defineCheck({
  id: 'BH-ENG-004',
  slug: 'kernel-cves',
  title: 'The host kernel has no known container-escape vulnerabilities',
  severity: 'high',
  scope: 'daemon',
  facts: ['daemon'],
  rationale:
    'Containers share the host kernel: a kernel privilege escalation (Dirty COW, Dirty Pipe, nf_tables) run from a container is an escape to host root.',
  remediation:
    "Install the distribution's current kernel security update (`apt-get upgrade linux-image-*`, `dnf update kernel`) and reboot into it; keep Docker's default seccomp/AppArmor profiles, which block several of these exploits.",
  refs: [practice('P-KER-1'), practice('P-ENG-1')],
  evaluate: (snap) => {
    const raw =
      snap.daemon?.info.kernelVersion ?? snap.daemon?.version.kernelVersion ?? snap.host?.kernelRelease;
    const source = snap.daemon?.info.kernelVersion
      ? 'GET /info KernelVersion'
      : snap.daemon?.version.kernelVersion
        ? 'GET /version KernelVersion'
        : 'host kernel release';
    if (!raw) return unknown('neither the daemon nor the host facts report the kernel release');
    const k = parseKernelRelease(raw);
    if (!k) return unknown(`cannot parse kernel release "${raw}" (${source})`);
    const cg =
      snap.daemon?.info.cgroupVersion ??
      (snap.host?.cgroupVersion ? String(snap.host.cgroupVersion) : undefined);
    const a = assessKernel(k, cg === '1' || cg === '2' ? { cgroupVersion: Number(cg) as 1 | 2 } : {});
    const head = `kernel ${raw} (${source})${k.distro ? `, ${k.distro} build` : ''}`;
    const line = (m: (typeof a.affected)[number]) =>
      `${m.row.ids.join(' / ')} (${m.row.severity}): ${m.row.summary}; fixed in ${fixesFor(m.row, k.comparable).join(', ')}`;
    const context = a.notExploitable.map(
      (m) => `${m.row.ids.join(' / ')} does not apply: the host uses cgroup v2 only`,
    );
    if (a.affected.length)
      return fail([head, ...a.affected.map(line), ...a.verify.map((m) => `verify: ${line(m)}`), ...context]);
    if (a.verify.length) {
      const ids = a.verify.flatMap((m) => m.row.ids).join(', ');
      const reason = k.distro
        ? `distro kernel ${raw}: the upstream sublevel is not visible and release line ${k.major}.${k.minor} was affected by ${ids}; verify against the distro security tracker`
        : `kernel ${raw}: bulkhead's reference data lists no exact fixed version for ${ids} on this line; verify against the stable changelog`;
      return unknown(reason, { evidence: [head, ...a.verify.map(line), ...context] });
    }
    return pass([`${head}: no kernel CVE in bulkhead's reference data applies`, ...context]);
  },
});
