import { effectiveDaemonConfig } from '../../analysis/daemon-config.js';
import { judgeSetting } from '../../analysis/outcome.js';
import { cis, defineCheck, notApplicable, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-DMN-015',
  slug: 'live-restore',
  title: 'Live restore is enabled',
  severity: 'low',
  scope: 'daemon',
  facts: ['daemon'],
  rationale:
    'With live restore, containers keep running while dockerd is stopped or upgraded, so security updates of the engine do not require downtime and are not postponed.',
  remediation:
    'Set `"live-restore": true` in /etc/docker/daemon.json and reload Docker (`systemctl reload docker`).',
  refs: [cis('2.15'), practice('P-ENG-1')],
  evaluate: (snap) => {
    const state = snap.daemon!.info.swarm.localNodeState;
    if (state === 'active' || state === 'locked' || state === 'pending')
      return notApplicable(
        `swarm mode is ${state}: live restore does not apply to swarm services (CIS 2.15)`,
      );
    return judgeSetting('live-restore', effectiveDaemonConfig(snap).liveRestore, (v) => v);
  },
});
