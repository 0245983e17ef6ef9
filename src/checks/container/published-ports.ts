import { cis, defineCheck, fail, pass, practice } from '../../core/model.js';
import { describePort } from './_lib.js';

export default defineCheck({
  id: 'BH-CTR-010',
  slug: 'published-ports',
  title: 'Container publishes only the ports it needs (review list)',
  severity: 'info',
  scope: 'container',
  facts: ['containers'],
  rationale:
    'Every published port is reachable from outside the host. Only the operator knows which are needed, so the list is reported for review; `-P` publishes every port the image exposes, which is rarely intended.',
  remediation:
    'Publish ports explicitly (`-p 127.0.0.1:8080:80`) and remove the ones not needed; avoid `-P/--publish-all`.',
  refs: [cis('5.9'), practice('P-NET-1')],
  partial: true,
  evaluate: (c) => {
    const evidence = c.spec.portBindings.map((p) => `published ${describePort(p)}`);
    if (c.spec.publishAllPorts)
      evidence.unshift(
        `PublishAllPorts (-P) publishes every exposed port${c.spec.exposedPorts.length > 0 ? `: ${c.spec.exposedPorts.join(', ')}` : ''}`,
      );
    return evidence.length > 0 ? fail(evidence) : pass('no port is published');
  },
});
