import { defineCheck, practice, unknown } from '../../core/model.js';
import { layerLabel, scanFail, verdict } from './_lib.js';

export default defineCheck({
  id: 'BH-SCN-003',
  slug: 'vulnerabilities-medium',
  title: 'Image has no known medium-severity vulnerabilities',
  severity: 'medium',
  scope: 'image-scan',
  facts: ['scans'],
  rationale:
    "Packages with known vulnerabilities are the most common way into a container. Matching is exact per ecosystem (dpkg ordering and the distro's own advisories for Debian/Ubuntu, apk for Alpine, semver for npm and Go, PEP 440 for PyPI), against the OSV database imported with `bulkhead db import` (Trivy and Grype do the same from their own feeds).",
  remediation:
    'Upgrade the package to the fixed version shown (rebuild on a patched base image: `docker build --pull`), or remove it from the image; `--ignore-unfixed` hides what has no fix yet.',
  refs: [practice('P-ENG-2'), practice('P-IMG-5')],
  evaluate: (img) => {
    if (img.vulnerabilities === undefined)
      return unknown(
        'no vulnerability database is loaded: run `bulkhead db import PATH` with OSV advisories',
      );
    return verdict(
      img.vulnerabilities
        .filter((v) => v.severity === 'medium')
        .map((v) =>
          scanFail(
            `${v.id}${v.aliases.length > 0 ? ` (${v.aliases.slice(0, 3).join(', ')})` : ''} in ${v.ecosystem} ${v.packageName} ${v.installedVersion}: ${v.fixedVersion ? `fixed in ${v.fixedVersion}` : 'no fix yet'}${v.summary ? ` — ${v.summary}` : ''}; from ${layerLabel(img, v.layer)}`,
            v.purl,
          ),
        ),
      'no medium-severity vulnerability matched',
    );
  },
});
