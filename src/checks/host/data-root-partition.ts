import { cis, defineCheck, fail, pass, practice, unknown } from '../../core/model.js';
import { effective, hostOrUnknown, isOutcome } from './_locate.js';

const norm = (p: string): string => (p.length > 1 ? p.replace(/\/+$/, '') : p);

export default defineCheck({
  id: 'BH-HST-001',
  slug: 'data-root-partition',
  title: 'The Docker data root is on a separate partition',
  severity: 'low',
  scope: 'host',
  facts: ['host'],
  rationale:
    'Images, container layers, logs and volumes live under the data root. On the root filesystem, a container ' +
    'filling its disk fills the host and can stop logging, auditing and sshd.',
  remediation:
    'Create a dedicated filesystem (e.g. an LVM volume) and mount it at the data root (default /var/lib/docker) ' +
    'in /etc/fstab, moving the existing content while the daemon is stopped.',
  refs: [cis('1.1.1'), practice('P-HST-3')],
  evaluate: (s) => {
    const host = hostOrUnknown(s);
    if (isOutcome(host)) return host;
    const root = effective(s, host).dataRoot;
    if (host.mounts.length === 0)
      return unknown(
        `the mount table could not be read${host.errors.mounts ? `: ${host.errors.mounts}` : ''}`,
      );
    const dataRoot = norm(root.path);
    // the first mount at the data root is the one that decides what lies beneath later stacked mounts
    const own = host.mounts.find((m) => norm(m.target) === dataRoot);
    // the mount that would hold the data root otherwise: the longest target that is a path prefix of it
    const holder = host.mounts
      .filter((m) => {
        const t = norm(m.target);
        return t !== dataRoot && (t === '/' || dataRoot.startsWith(`${t}/`));
      })
      .sort((a, b) => norm(b.target).length - norm(a.target).length)[0];
    const label = `${dataRoot} (${root.source})`;
    if (own) {
      // dockerd bind-mounts its data root onto itself (to make it private): same device, same filesystem
      if (holder && own.source === holder.source && own.fstype === holder.fstype)
        return fail(
          `${label} is mounted from ${own.source} (${own.fstype}), the same filesystem as ${holder.target}: a bind mount, not a separate partition`,
        );
      return pass(`${label} is a mount point: ${own.source} (${own.fstype})`);
    }
    const where = holder ? `; it lives on ${holder.target} (${holder.source}, ${holder.fstype})` : '';
    return fail(`${label} is not a separate mount point${where}`);
  },
});
