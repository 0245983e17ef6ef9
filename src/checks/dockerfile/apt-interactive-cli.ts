import { defineCheck, url } from '../../core/model.js';
import { at } from './_c-context.js';
import { packageCommands, show } from './_c-packages.js';
import { finding, verdict } from './_lib.js';

export default defineCheck({
  id: 'BH-DKF-050',
  slug: 'apt-interactive-cli',
  title: 'RUN uses apt-get, not the interactive apt front end',
  severity: 'low',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    '`apt` is the front end for people at a terminal: its output and options may change between releases and it warns "apt does not have a stable CLI interface. Use with caution in scripts." Scripts and Dockerfiles should use `apt-get` and `apt-cache`, whose behaviour is kept stable. hadolint DL3027.',
  remediation:
    'Use apt-get:\n\n```dockerfile\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n```',
  refs: [url('https://github.com/hadolint/hadolint/wiki/DL3027')],
  evaluate: (df) =>
    verdict(
      packageCommands(df)
        .filter((pc) => pc.tool === 'apt')
        .map((pc) => finding(df, pc.ins, `apt instead of apt-get: ${show(pc.cmd)}`, at(pc))),
      'no RUN uses the apt front end',
    ),
});
