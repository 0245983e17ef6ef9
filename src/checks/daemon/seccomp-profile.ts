import { effectiveDaemonConfig } from '../../analysis/daemon-config.js';
import { cis, defineCheck, fail, pass, practice, unknown } from '../../core/model.js';

export default defineCheck({
  id: 'BH-DMN-017',
  slug: 'seccomp-profile',
  title: 'A daemon-wide seccomp profile is applied',
  severity: 'medium',
  scope: 'daemon',
  facts: ['daemon'],
  partial: true,
  rationale:
    "The seccomp profile blocks system calls (unshare, mount, keyctl, ...) that many container escapes need. Docker's default profile is a sound baseline; a daemon-wide 'unconfined' removes it from every container.",
  remediation:
    'Remove `"seccomp-profile": "unconfined"` from /etc/docker/daemon.json (or `--seccomp-profile=unconfined`) to use the default profile, or point it at a reviewed custom profile; restart Docker.',
  refs: [cis('2.17'), practice('P-KER-4')],
  evaluate: (snap) => {
    const s = effectiveDaemonConfig(snap).seccompProfile;
    if (!s.known) return unknown(s.reason);
    const line = `seccomp profile = ${s.value} (${s.origin})`;
    if (s.value === 'unconfined') return fail([line, 'containers run without seccomp filtering', ...s.notes]);
    if (s.value === 'disabled')
      return fail([
        line,
        'the daemon reports no seccomp support: the kernel or the build lacks seccomp',
        ...s.notes,
      ]);
    const kind =
      s.value === 'default' || s.value === 'builtin'
        ? "Docker's default profile"
        : 'a custom profile; review it';
    return pass([line, kind, ...s.notes]);
  },
});
