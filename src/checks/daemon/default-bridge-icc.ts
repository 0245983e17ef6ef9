import { effectiveDaemonConfig } from '../../analysis/daemon-config.js';
import { judgeSetting } from '../../analysis/outcome.js';
import { cis, defineCheck, notApplicable, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-DMN-002',
  slug: 'default-bridge-icc',
  title: 'Inter-container communication on the default bridge is disabled',
  severity: 'medium',
  scope: 'daemon',
  facts: ['daemon'],
  rationale:
    'With icc enabled every container on the default bridge can reach every other one on any port, so one compromised container can attack its neighbours.',
  remediation:
    'Set `"icc": false` in /etc/docker/daemon.json (or run dockerd with `--icc=false`) and restart Docker; link containers that must talk through user-defined networks.',
  refs: [cis('2.2'), practice('P-NET-3')],
  evaluate: (snap) => {
    const cfg = effectiveDaemonConfig(snap);
    const bridge = cfg.argv?.flags.bridge;
    if (!snap.daemon!.defaultBridgeOptions && bridge?.[bridge.length - 1] === 'none')
      return notApplicable('the default bridge is disabled (dockerd --bridge=none)');
    return judgeSetting('icc', cfg.icc, (v) => v === false);
  },
});
