import { effectiveDaemonConfig } from '../../analysis/daemon-config.js';
import { judgeSetting } from '../../analysis/outcome.js';
import { cis, defineCheck, fail, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-DMN-003',
  slug: 'log-level',
  title: "Docker daemon log level is 'info'",
  severity: 'low',
  scope: 'daemon',
  facts: ['daemon', 'host'],
  rationale:
    "'info' records the events needed for later review; lower levels (warn, error) lose them and 'debug' logs far more than needed, including request details.",
  remediation:
    'Remove `--log-level`/`-D` from the dockerd command line, or set `"log-level": "info"` (and no `"debug": true`) in /etc/docker/daemon.json, then restart Docker.',
  refs: [cis('2.3'), practice('P-OPS-3')],
  evaluate: (snap) => {
    if (snap.daemon!.info.debug === true)
      return fail('GET /info Debug is true: the daemon runs in debug mode (log level debug)');
    return judgeSetting('log-level', effectiveDaemonConfig(snap).logLevel, (v) => v === 'info');
  },
});
