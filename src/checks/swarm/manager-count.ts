import { swarmInactive } from '../../analysis/outcome.js';
import { cis, defineCheck, fail, notApplicable, pass, practice, unknown } from '../../core/model.js';

export default defineCheck({
  id: 'BH-SWM-001',
  slug: 'manager-count',
  title: 'The swarm has a fault-tolerant, odd number of managers',
  severity: 'medium',
  scope: 'swarm',
  facts: ['daemon'],
  rationale:
    'Managers keep the Raft state: a single manager in a multi-node swarm is a single point of failure, an even number adds no fault tolerance, and more than seven slows consensus and widens the set of hosts holding cluster secrets.',
  remediation:
    'Run an odd number of managers, 3 (or 5, at most 7) when the swarm has several nodes: `docker node promote <node>` / `docker node demote <node>`.',
  refs: [cis('7.1'), practice('P-COM-3')],
  evaluate: (snap) => {
    const off = swarmInactive(snap);
    if (off) return notApplicable(off);
    const s = snap.daemon!.info.swarm;
    if (!s.controlAvailable)
      return notApplicable('this node is a swarm worker; manager counts are visible on managers');
    if (s.managers === undefined || s.nodes === undefined)
      return unknown('GET /info Swarm did not report Managers and Nodes');
    const line = `GET /info Swarm: ${s.managers} manager(s) in a ${s.nodes}-node swarm`;
    if (s.managers % 2 === 0)
      return fail([line, 'an even number of managers tolerates no more failures than one fewer']);
    if (s.managers > 7) return fail([line, 'more than 7 managers slow Raft consensus']);
    if (s.managers === 1 && s.nodes > 1)
      return fail([line, 'one manager is a single point of failure; use 3']);
    return pass(line);
  },
});
