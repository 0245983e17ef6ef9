import { cis, defineCheck, fail, pass, practice } from '../../core/model.js';

const mib = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;

export default defineCheck({
  id: 'BH-CTR-012',
  slug: 'memory-limit',
  title: 'Container memory usage is limited',
  severity: 'medium',
  scope: 'container',
  facts: ['containers'],
  rationale:
    'Without a memory limit one container (leaking, or attacked) can take all host memory and make the kernel OOM-kill other containers, the engine or host services.',
  remediation: 'Run with `--memory 512m` (compose `mem_limit: 512m` or `deploy.resources.limits.memory`).',
  refs: [cis('5.11'), practice('P-KER-2')],
  evaluate: (c) =>
    c.spec.memory > 0
      ? pass(`HostConfig.Memory is ${c.spec.memory} bytes (${mib(c.spec.memory)})`)
      : fail('HostConfig.Memory is 0: no memory limit'),
});
