import { defineCheck, url } from '../../core/model.js';
import { finding, verdict } from './_lib.js';

export default defineCheck({
  id: 'BH-DKF-016',
  slug: 'maintainer',
  title: 'MAINTAINER is not used (deprecated)',
  severity: 'info',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'MAINTAINER has been deprecated since Docker 1.13; the author belongs in a label that tools read (org.opencontainers.image.authors), so provenance is kept in one place.',
  remediation: 'Replace `MAINTAINER name` with `LABEL org.opencontainers.image.authors="name"`.',
  refs: [url('https://docs.docker.com/reference/dockerfile/#maintainer-deprecated')],
  evaluate: (df) =>
    verdict(
      df.instructions
        .filter((i) => i.keyword === 'MAINTAINER')
        .map((i) => finding(df, i, `MAINTAINER ${i.args}`)),
      'no MAINTAINER instruction',
    ),
});
