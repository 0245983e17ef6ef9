import { cis, defineCheck, fail, pass, practice, unknown } from '../../core/model.js';

const describe = (test: string[]): string => {
  const [kind, ...rest] = test;
  return kind === 'CMD-SHELL' ? rest.join(' ') : kind === 'CMD' ? rest.join(' ') : test.join(' ');
};

export default defineCheck({
  id: 'BH-CTR-028',
  slug: 'healthcheck',
  title: 'Container health is checked at runtime (HEALTHCHECK)',
  severity: 'low',
  scope: 'container',
  facts: ['containers'],
  rationale:
    'Without a healthcheck the engine (and an orchestrator) only knows whether the main process exists, not whether the service works; a hung or hijacked service keeps running unnoticed.',
  remediation:
    'Add `HEALTHCHECK CMD curl -fsS http://localhost/health || exit 1` to the Dockerfile or run with `--health-cmd`; do not use `--no-healthcheck`.',
  refs: [cis('5.27'), practice('P-OPS-4')],
  evaluate: (c) => {
    const own = c.spec.healthcheck;
    if (own) {
      if (own.test[0] === 'NONE')
        return fail('Config.Healthcheck.Test is ["NONE"]: the healthcheck is disabled');
      return pass(`healthcheck: ${describe(own.test)}`);
    }
    const img = c.imageHealthcheck;
    if (img) {
      if (img.test[0] === 'NONE') return fail('the image disables its healthcheck (HEALTHCHECK NONE)');
      return pass(`healthcheck from the image: ${describe(img.test)}`);
    }
    // imageUser is set whenever the image was inspected, so its silence about a healthcheck is an answer.
    if (c.imageUser !== undefined || c.spec.source === 'engine')
      return fail('neither the container nor its image defines a healthcheck');
    return unknown("the container sets no healthcheck and the image's was not inspected");
  },
});
