import { cis, defineCheck, practice } from '../../core/model.js';
import { layerLabel, scanFail, verdict } from './_lib.js';

export default defineCheck({
  id: 'BH-SCN-008',
  slug: 'secrets-present',
  title: 'Image filesystem holds no secrets',
  severity: 'critical',
  scope: 'image-scan',
  facts: ['scans'],
  rationale:
    'Private keys, cloud and registry credentials and tokens baked into an image are readable by anyone who can pull it, and images travel further than anyone intends (CIS 4.10; Trivy secret scanning, Dockle CIS-DI-0010).',
  remediation:
    'Remove the file and rotate the credential. Pass build secrets with `RUN --mount=type=secret,id=…` and runtime secrets with Docker/Kubernetes secrets, never COPY them in.',
  refs: [cis('4.10'), practice('P-IMG-5')],
  evaluate: (img) =>
    verdict(
      img.secrets
        .filter((s) => s.present)
        .map((s) =>
          scanFail(
            `${s.description} (${s.rule}) ${s.masked}${s.line !== undefined ? ` at line ${s.line}` : ''}, from ${layerLabel(img, s.layer)}`,
            s.path,
          ),
        ),
      'no secret found in the final filesystem',
    ),
});
