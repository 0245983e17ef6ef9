import { cis, defineCheck, fail, pass, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-CTR-013',
  slug: 'cpu-limit',
  title: 'Container CPU priority or quota is set',
  severity: 'medium',
  scope: 'container',
  facts: ['containers'],
  rationale:
    'Without CPU shares, a CPU quota or a cpuset every container competes equally for all host CPUs, so one busy or attacked container can starve the others and the host.',
  remediation:
    'Set `--cpus 1.5` (a hard quota), `--cpu-shares 512` (relative weight) or `--cpuset-cpus 0,1` (compose `cpus:`, `cpu_shares:`, `cpuset:`).',
  refs: [cis('5.12'), practice('P-KER-2')],
  evaluate: (c) => {
    const s = c.spec;
    const set: string[] = [];
    if (s.nanoCpus > 0) set.push(`NanoCpus ${s.nanoCpus} (${s.nanoCpus / 1e9} CPUs)`);
    if (s.cpuQuota > 0) set.push(`CpuQuota ${s.cpuQuota}${s.cpuPeriod > 0 ? `/${s.cpuPeriod}` : ''}`);
    // 0 and 1024 both mean the default weight.
    if (s.cpuShares > 0 && s.cpuShares !== 1024) set.push(`CpuShares ${s.cpuShares}`);
    if (s.cpusetCpus.trim() !== '') set.push(`CpusetCpus "${s.cpusetCpus}"`);
    return set.length > 0
      ? pass(set)
      : fail(
          `no CPU limit: CpuShares ${s.cpuShares}${s.cpuShares === 1024 ? ' (the default weight)' : ''}, NanoCpus 0, CpuQuota 0, CpusetCpus ""`,
        );
  },
});
