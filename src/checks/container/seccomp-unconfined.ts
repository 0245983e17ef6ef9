import { cis, defineCheck, fail, pass, practice } from '../../core/model.js';
import { securityOpts } from './_lib.js';

export default defineCheck({
  id: 'BH-CTR-023',
  slug: 'seccomp-unconfined',
  title: 'Container keeps a seccomp profile (not unconfined)',
  severity: 'high',
  scope: 'container',
  facts: ['containers'],
  rationale:
    'The default seccomp profile blocks about 44 system calls (kexec, mount, keyctl, bpf, userfaultfd...) that are the entry points of many kernel exploits. Running unconfined exposes the whole syscall surface of the shared kernel.',
  remediation:
    'Remove `--security-opt seccomp=unconfined` (and `--privileged`); if a syscall is missing, use a copy of the default profile that allows just it: `--security-opt seccomp=/etc/docker/seccomp/app.json`.',
  refs: [cis('5.22'), practice('P-KER-4')],
  evaluate: (c) => {
    const opt = securityOpts(c).find((o) => o.key === 'seccomp');
    if (opt?.value === 'unconfined') return fail(`HostConfig.SecurityOpt contains "${opt.raw}"`);
    if (c.spec.privileged) return fail('privileged container: the engine applies no seccomp profile');
    if (opt)
      return pass(`custom seccomp profile (${opt.raw.length > 80 ? `${opt.raw.slice(0, 80)}...` : opt.raw})`);
    return pass("the engine's default seccomp profile applies");
  },
});
