import { defineCheck, type Outcome, practice, url } from '../../core/model.js';
import { finding, shippedInstructions, verdict } from './_lib.js';

/** Paths (and what lies below some of them) whose volume would shadow or expose the system. */
const EXACT = new Set([
  '/',
  '/bin',
  '/sbin',
  '/lib',
  '/lib64',
  '/usr',
  '/usr/bin',
  '/usr/sbin',
  '/usr/lib',
  '/etc',
  '/root',
  '/boot',
  '/run',
  '/var/run',
  '/var/lib/docker',
  '/var/lib/containerd',
  '/var/lib/kubelet',
]);
const BELOW = [
  '/proc',
  '/sys',
  '/dev',
  '/boot',
  '/etc',
  '/lib/modules',
  '/var/lib/docker',
  '/var/lib/containerd',
];
const RUNTIME_SOCKET = /\/(docker|containerd|crio|podman)\.sock$/;

/** `/etc/` -> `/etc`, `//var//run/` -> `/var/run`; Windows and relative paths stay as written. */
const clean = (p: string): string =>
  p.startsWith('/')
    ? `/${p
        .split('/')
        .filter((s) => s !== '' && s !== '.')
        .join('/')}`
    : p;

function sensitive(path: string): boolean {
  if (EXACT.has(path) || RUNTIME_SOCKET.test(path)) return true;
  return BELOW.some((b) => path.startsWith(`${b}/`));
}

export default defineCheck({
  id: 'BH-DKF-013',
  slug: 'sensitive-volume',
  title: 'VOLUME does not name system paths',
  severity: 'medium',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'A VOLUME on a system path (/, /etc, /proc, /sys, /dev, /boot, /root, /usr…) or on a container runtime socket (/var/run/docker.sock) shadows the image\'s files with a volume, freezes them across upgrades, and invites running the image with the host\'s directory or socket mounted there, which hands the container the host. Both the JSON and the shell form are read; only stages that ship count. Equivalent: KICS "Volume Has Sensitive Host Directory" (compose), Checkov CKV_DOCKER_* volume policies.',
  remediation:
    'Declare volumes only for application data: `VOLUME ["/var/lib/app/data"]`; never plan on mounting the Docker socket.',
  refs: [
    practice('P-KER-3'),
    practice('P-CTR-5'),
    url('https://docs.docker.com/reference/dockerfile/#volume'),
  ],
  evaluate: (df) => {
    const found: Outcome[] = [];
    for (const ins of shippedInstructions(df, 'VOLUME')) {
      for (const w of ins.words) {
        const path = clean(w);
        if (sensitive(path))
          found.push(finding(df, ins, `sensitive path as VOLUME: ${path} (VOLUME ${ins.args})`));
      }
    }
    return verdict(found, 'no VOLUME names a system path or runtime socket');
  },
});
