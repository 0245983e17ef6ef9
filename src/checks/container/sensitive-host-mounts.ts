import { cis, defineCheck, fail, pass, practice } from '../../core/model.js';
import { bindMounts, isSameOrAncestor, normPath } from './_lib.js';

/** Host directories whose exposure lets a container read secrets, tamper with the host or the engine. */
export const SENSITIVE_DIRS = [
  '/',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/lib64',
  '/proc',
  '/sys',
  '/usr',
  '/root',
  '/var/lib/docker',
  '/var/lib/containerd',
  '/run',
  '/var/run',
] as const;

/**
 * Trees where even a sub-path is sensitive: kernel interfaces (/sys/fs/cgroup, /proc/sys), the boot loader,
 * root's home (SSH keys), engine state (other containers' config and logs) and credential files.
 * Ordinary files under /etc (localtime, an app config) are not on this list.
 */
export const SENSITIVE_SUBTREES = [
  '/proc',
  '/sys',
  '/boot',
  '/root',
  '/var/lib/docker',
  '/var/lib/containerd',
  '/var/lib/kubelet',
  '/etc/docker',
  '/etc/ssh',
  '/etc/shadow',
  '/etc/gshadow',
  '/etc/sudoers',
  '/etc/sudoers.d',
  '/etc/kubernetes',
  '/etc/systemd',
  '/etc/cron.d',
  '/etc/crontab',
] as const;

export default defineCheck({
  id: 'BH-CTR-006',
  slug: 'sensitive-host-mounts',
  title: 'No sensitive host directory is mounted into the container',
  severity: 'high',
  scope: 'container',
  facts: ['containers'],
  rationale:
    'A bind of /, /etc, /boot, /dev, /proc, /sys, /usr, /lib, /run or /var/lib/docker (or of a parent of one of them, or of kernel, credential or engine paths inside them such as /sys/fs/cgroup, /etc/shadow, /var/lib/docker/containers) lets the container read host secrets and, when writable, change host binaries, configuration or the engine state: a host takeover.',
  remediation:
    'Mount only the application directory the container needs, read-only where possible (`-v /srv/app/config:/config:ro`); never bind a system directory or its parent.',
  refs: [cis('5.6'), practice('P-HST-3')],
  evaluate: (c) => {
    const findings: string[] = [];
    for (const m of bindMounts(c)) {
      const src = normPath(m.source);
      // A bind of a parent (e.g. /var) exposes every sensitive directory below it.
      const exposed = SENSITIVE_DIRS.filter((d) => isSameOrAncestor(src, d));
      const inside = SENSITIVE_SUBTREES.find((t) => t !== src && isSameOrAncestor(t, src));
      let what: string;
      if (exposed.includes(src as (typeof SENSITIVE_DIRS)[number])) what = src;
      else if (exposed.length > 0) what = `${src} (exposes ${exposed.join(', ')})`;
      else if (SENSITIVE_SUBTREES.includes(src as (typeof SENSITIVE_SUBTREES)[number])) what = src;
      else if (inside) what = `${src} (inside ${inside})`;
      else continue;
      findings.push(`${m.readOnly ? 'read-only' : 'read-write'} bind of host ${what} at ${m.destination}`);
    }
    if (findings.length === 0) return pass('no sensitive host directory is bind-mounted');
    // Writable exposure first: it is the worse finding.
    findings.sort((a, b) => Number(a.startsWith('read-only')) - Number(b.startsWith('read-only')));
    return fail(findings);
  },
});
