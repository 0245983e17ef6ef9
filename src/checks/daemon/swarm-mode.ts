import { cis, defineCheck, fail, pass, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-DMN-019',
  slug: 'swarm-mode',
  title: 'Swarm mode is not enabled unless needed',
  severity: 'info',
  scope: 'daemon',
  facts: ['daemon'],
  rationale:
    'Swarm mode opens cluster ports (2377, 7946, 4789) and runs a manager with its own secrets and CA; when the host does not orchestrate services, that is needless attack surface.',
  remediation:
    'If this host does not need swarm, leave it: `docker swarm leave` (add `--force` on the last manager).',
  refs: [cis('5.1'), practice('P-HST-2')],
  evaluate: (snap) => {
    const s = snap.daemon!.info.swarm;
    if (s.localNodeState === 'inactive' || s.localNodeState === '')
      return pass('GET /info Swarm.LocalNodeState = inactive');
    const role = s.controlAvailable ? 'manager' : 'worker';
    return fail(
      `GET /info Swarm.LocalNodeState = ${s.localNodeState} (this node is a ${role}${s.nodes ? ` in a ${s.nodes}-node swarm` : ''}): confirm swarm is needed`,
    );
  },
});
