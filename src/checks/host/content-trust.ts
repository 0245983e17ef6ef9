import { cis, defineCheck, fail, pass, practice } from '../../core/model.js';
import { hostOrUnknown, isOutcome } from './_locate.js';

/** The docker CLI enables content trust for any non-empty value that strconv.ParseBool does not read as false. */
export const contentTrustEnabled = (value: string | undefined): boolean =>
  value !== undefined && value !== '' && !/^(0|f|false)$/i.test(value);

export default defineCheck({
  id: 'BH-HST-043',
  slug: 'content-trust',
  title: 'Docker content trust is enabled',
  severity: 'low',
  scope: 'host',
  facts: ['host'],
  partial: true,
  rationale:
    'With DOCKER_CONTENT_TRUST=1 the docker CLI pulls, runs and builds only signed image tags, so a tampered or ' +
    'replaced tag is refused. bulkhead sees only the environment it runs in, not every user shell.',
  remediation:
    'export DOCKER_CONTENT_TRUST=1 for the users and automation that run docker (e.g. in /etc/environment or ' +
    'the CI job environment), and sign images with `docker trust sign`.',
  refs: [cis('4.5'), practice('P-IMG-4'), practice('P-ENG-2')],
  evaluate: (s) => {
    const host = hostOrUnknown(s);
    if (isOutcome(host)) return host;
    const v = host.env.DOCKER_CONTENT_TRUST;
    if (contentTrustEnabled(v)) return pass(`DOCKER_CONTENT_TRUST=${v} in the auditing environment`);
    return fail(
      v === undefined
        ? 'DOCKER_CONTENT_TRUST is not set in the auditing environment'
        : `DOCKER_CONTENT_TRUST=${v} in the auditing environment (content trust off)`,
    );
  },
});
