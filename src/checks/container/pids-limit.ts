import { cis, defineCheck, fail, pass, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-CTR-029',
  slug: 'pids-limit',
  title: 'Container has a PIDs cgroup limit',
  severity: 'medium',
  scope: 'container',
  facts: ['containers'],
  rationale:
    'Without a pids limit a fork bomb or runaway worker pool in one container can exhaust the host process table and stop every other container and host service from starting processes.',
  remediation: 'Run with `--pids-limit 200` (compose `pids_limit: 200`), sized to the workload.',
  refs: [cis('5.29'), practice('P-CTR-4'), practice('P-KER-2')],
  evaluate: (c) => {
    const limit = c.spec.pidsLimit;
    // Engines report "unlimited" as null (unset), 0 or -1 depending on version and how it was set.
    if (limit === null || limit <= 0)
      return fail(`HostConfig.PidsLimit is ${limit === null ? 'null' : limit}: no PIDs limit`);
    return pass(`HostConfig.PidsLimit is ${limit}`);
  },
});
