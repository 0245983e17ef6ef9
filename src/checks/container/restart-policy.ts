import { cis, defineCheck, fail, pass, practice } from '../../core/model.js';

const MAX_RETRIES = 5;

export default defineCheck({
  id: 'BH-CTR-016',
  slug: 'restart-policy',
  title: "Restart policy is 'on-failure' with at most 5 retries (or none)",
  severity: 'low',
  scope: 'container',
  facts: ['containers'],
  rationale:
    'A container that restarts forever (always, unless-stopped, on-failure without a maximum) hides a crash loop, can keep an exploited service coming back and burns host resources; a bounded retry count turns it into a visible failure.',
  remediation:
    'Use `--restart on-failure:5` (compose `restart: on-failure:5`, or `deploy.restart_policy.max_attempts: 5`); `docker update --restart on-failure:5 <container>` changes a running one.',
  refs: [cis('5.15'), practice('P-CTR-4'), practice('P-OPS-3')],
  evaluate: (c) => {
    const { name, maximumRetryCount: max } = c.spec.restartPolicy;
    const restarts = c.restartCount > 0 ? ` (restarted ${c.restartCount} times)` : '';
    switch (name) {
      case '':
      case 'no':
        return pass(`RestartPolicy is "${name || 'no'}"`);
      case 'always':
      case 'unless-stopped':
        return fail(`RestartPolicy is "${name}": restarts without limit${restarts}`);
      case 'on-failure':
        if (max === 0) return fail(`RestartPolicy is "on-failure" with no maximum retry count${restarts}`);
        if (max > MAX_RETRIES)
          return fail(`RestartPolicy is "on-failure:${max}": more than ${MAX_RETRIES} retries${restarts}`);
        return pass(`RestartPolicy is "on-failure:${max}"`);
      default:
        return fail(`RestartPolicy is "${name}", not a bounded on-failure policy`);
    }
  },
});
