import { cis, defineCheck, fail, pass, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-CTR-019',
  slug: 'host-devices',
  title: 'No host device is exposed to the container',
  severity: 'medium',
  scope: 'container',
  facts: ['containers'],
  rationale:
    'A host device passed with --device (or allowed by a device cgroup rule) gives the container raw access to disks, GPUs or consoles; with write or mknod permission it can read or corrupt host data below the filesystem.',
  remediation:
    'Remove `--device` / `--device-cgroup-rule` entries that are not required; grant the least permission, e.g. `--device /dev/fuse:/dev/fuse:r`.',
  refs: [cis('5.18'), practice('P-KER-3')],
  partial: true,
  evaluate: (c) => {
    const evidence = [
      ...c.spec.devices.map(
        (d) =>
          `device ${d.pathOnHost} at ${d.pathInContainer || d.pathOnHost} with permissions "${d.permissions || 'rwm'}"`,
      ),
      ...c.spec.deviceCgroupRules.map(
        (r) => `device cgroup rule "${r}"${/^a\b|\*:\*/.test(r.trim()) ? ' allows every device' : ''}`,
      ),
    ];
    return evidence.length > 0 ? fail(evidence) : pass('no host device is mapped');
  },
});
