import { cis, defineCheck, pass, practice, unknown, url } from '../../core/model.js';
import { lastShipped } from './_a-runtime.js';
import { finalStage, finding, stageLabel } from './_lib.js';

export default defineCheck({
  id: 'BH-DKF-010',
  slug: 'healthcheck',
  title: 'The image defines a HEALTHCHECK',
  severity: 'low',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'Without a HEALTHCHECK, Docker (and Swarm, and `depends_on: condition: service_healthy` in Compose) only knows whether PID 1 is alive, not whether the service answers, so a hung process is never restarted or taken out of rotation. The last HEALTHCHECK of the final stage or of the stages it is built FROM counts; `HEALTHCHECK NONE` disables one inherited from the base image. A HEALTHCHECK of an external base image cannot be seen here. Kubernetes ignores HEALTHCHECK (it uses probes). Equivalent: CIS Docker 4.6, Trivy DS026, Checkov CKV_DOCKER_2, Dockle CIS-DI-0006.',
  remediation:
    'Add a check that exercises the service, with a tool the image has:\n\n```dockerfile\nHEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 CMD ["/app/healthcheck"]\n```',
  refs: [
    cis('4.6'),
    practice('P-OPS-3'),
    practice('P-OPS-4'),
    url('https://docs.docker.com/reference/dockerfile/#healthcheck'),
  ],
  evaluate: (df) => {
    const stage = finalStage(df);
    const from = stage ? df.instructions[stage.from] : undefined;
    if (!stage || !from) return unknown('no FROM instruction');
    const hc = lastShipped(df, 'HEALTHCHECK');
    if (!hc) return finding(df, from, `no HEALTHCHECK in ${stageLabel(df, stage.index)} or its base stages`);
    if ((hc.words[0] ?? '').toUpperCase() === 'NONE')
      return finding(df, hc, 'HEALTHCHECK NONE disables the health check');
    return pass(`HEALTHCHECK ${hc.args} (line ${hc.line})`);
  },
});
