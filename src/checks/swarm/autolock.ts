import { swarmInactive } from '../../analysis/outcome.js';
import { cis, defineCheck, fail, notApplicable, pass, practice, unknown } from '../../core/model.js';

export default defineCheck({
  id: 'BH-SWM-005',
  slug: 'autolock',
  title: 'Swarm managers run in auto-lock mode',
  severity: 'medium',
  scope: 'swarm',
  facts: ['daemon', 'swarm'],
  rationale:
    "Without auto-lock the keys that decrypt the Raft log (and every swarm secret in it) sit on the manager's disk, so a stolen disk or backup exposes them; auto-lock requires an unlock key after a restart.",
  remediation:
    'Enable it with `docker swarm update --autolock=true` and keep the printed unlock key in a password manager.',
  refs: [cis('7.5'), practice('P-COM-3')],
  evaluate: (snap) => {
    const off = swarmInactive(snap);
    if (off) return notApplicable(off);
    if (!snap.daemon!.info.swarm.controlAvailable)
      return notApplicable('this node is a swarm worker; auto-lock concerns managers');
    const v = snap.swarm!.autoLockManagers;
    if (v === undefined)
      return unknown('the swarm spec (EncryptionConfig.AutoLockManagers) was not available');
    return v
      ? pass('Swarm Spec.EncryptionConfig.AutoLockManagers = true')
      : fail('Swarm Spec.EncryptionConfig.AutoLockManagers = false');
  },
});
