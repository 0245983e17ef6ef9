import { cis, defineCheck, fail, pass, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-DMN-022',
  slug: 'container-count',
  title: 'The number of containers on the host stays manageable',
  severity: 'low',
  scope: 'daemon',
  facts: ['containers'],
  rationale:
    'Hundreds of running and stopped containers on one host are hard to audit: forgotten containers keep old images, open ports and data, and make an unnoticed one easy to hide.',
  remediation:
    'Remove containers that are no longer needed (`docker container prune`, `docker rm`), spread workloads across hosts, or raise `settings.maxContainers` in .bulkhead.yaml if the number is intended.',
  refs: [cis('6.2'), practice('P-OPS-2'), practice('P-HST-4')],
  evaluate: (snap, ctx) => {
    const all = snap.containers!;
    const max = ctx.settings.maxContainers;
    const running = all.filter((c) => c.state === 'running').length;
    const line = `${all.length} containers (${running} running, ${all.length - running} not running); limit ${max} (settings.maxContainers)`;
    return all.length > max ? fail(line) : pass(line);
  },
});
