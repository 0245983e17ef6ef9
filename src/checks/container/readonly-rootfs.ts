import { cis, defineCheck, fail, pass, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-CTR-014',
  slug: 'readonly-rootfs',
  title: "Container's root filesystem is mounted read-only",
  severity: 'medium',
  scope: 'container',
  facts: ['containers'],
  rationale:
    'A writable root filesystem lets an intruder drop tools, change binaries or configuration and persist inside the container. Read-only root with explicit writable volumes or tmpfs makes tampering visible and short-lived.',
  remediation:
    'Run with `--read-only` and mount only the paths that must be written: `--tmpfs /tmp -v data:/var/lib/app` (compose `read_only: true`).',
  refs: [cis('5.13'), practice('P-CTR-5')],
  evaluate: (c) =>
    c.spec.readonlyRootfs
      ? pass('HostConfig.ReadonlyRootfs is true')
      : fail('HostConfig.ReadonlyRootfs is false: the root filesystem is writable'),
});
