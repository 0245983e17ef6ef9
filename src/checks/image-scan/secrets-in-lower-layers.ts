import { cis, defineCheck, practice } from '../../core/model.js';
import { layerLabel, scanFail, verdict } from './_lib.js';

export default defineCheck({
  id: 'BH-SCN-009',
  slug: 'secrets-in-lower-layers',
  title: 'No secret survives in a lower layer after being deleted',
  severity: 'high',
  scope: 'image-scan',
  facts: ['scans'],
  rationale:
    'Deleting a file in a later layer hides it from the container but not from the image: every layer is shipped, and `docker save` or a registry pull gives the old layer with the secret in it. This is the classic "rm in the next RUN" leak.',
  remediation:
    'Rotate the credential, then rebuild so it never enters a layer: `RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci`, or a multi-stage build that copies only the output.',
  refs: [cis('4.10'), practice('P-IMG-5')],
  evaluate: (img) =>
    verdict(
      img.secrets
        .filter((s) => !s.present)
        .map((s) =>
          scanFail(
            `${s.description} (${s.rule}) ${s.masked} added in ${layerLabel(img, s.layer)}${s.removedIn !== undefined ? `, deleted in ${layerLabel(img, s.removedIn)}` : ''} but still in the lower layer`,
            s.path,
          ),
        ),
      'no secret hidden in a lower layer',
    ),
});
