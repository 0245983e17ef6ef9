import { cis, defineCheck, fail, pass, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-IMG-002',
  slug: 'healthcheck',
  title: 'Image defines a HEALTHCHECK',
  severity: 'low',
  scope: 'image',
  facts: ['images'],
  rationale:
    'Without a health check the engine (and swarm or an orchestrator) only knows whether the process is alive, not whether it still serves; a hung or hijacked container keeps receiving traffic.',
  remediation:
    'Add a HEALTHCHECK to the Dockerfile, e.g. `HEALTHCHECK --interval=30s --timeout=3s CMD curl -fsS http://localhost:8080/health || exit 1`.',
  refs: [cis('4.6'), practice('P-OPS-3')],
  evaluate: (img) => {
    const test = img.healthcheck?.test ?? [];
    if (test.length === 0)
      return fail({ message: 'Config.Healthcheck is not set', path: 'Config.Healthcheck' });
    if (test[0] === 'NONE')
      return fail({
        message: 'Config.Healthcheck.Test is ["NONE"]: health checks are disabled',
        path: 'Config.Healthcheck.Test',
      });
    return pass(`Config.Healthcheck.Test is ${JSON.stringify(test)}`);
  },
});
