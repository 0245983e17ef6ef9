import { cis, defineCheck, fail, pass, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-CTR-026',
  slug: 'cgroup-parent',
  title: "Container runs in the engine's default cgroup (no custom --cgroup-parent)",
  severity: 'low',
  scope: 'container',
  facts: ['containers'],
  rationale:
    "A container placed under another cgroup parent escapes the limits and accounting the engine's default cgroup provides and may share limits with unrelated host workloads; such placements should be deliberate and reviewed.",
  remediation:
    'Remove `--cgroup-parent` (compose `cgroup_parent:`) unless the target cgroup is one you manage with its own limits.',
  refs: [cis('5.25'), practice('P-KER-2')],
  evaluate: (c) =>
    c.spec.cgroupParent.trim() === ''
      ? pass('HostConfig.CgroupParent is empty: the default cgroup')
      : fail(`HostConfig.CgroupParent is "${c.spec.cgroupParent}": confirm this cgroup is intended`),
});
