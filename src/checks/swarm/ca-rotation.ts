import { swarmInactive } from '../../analysis/outcome.js';
import { cis, defineCheck, fail, notApplicable, pass, practice, unknown } from '../../core/model.js';

const MAX_DAYS = 365;

export default defineCheck({
  id: 'BH-SWM-007',
  slug: 'ca-rotation',
  title: 'The swarm root CA is rotated as appropriate',
  severity: 'info',
  scope: 'swarm',
  facts: ['daemon', 'swarm'],
  partial: true,
  rationale:
    'The swarm root CA signs every node certificate; rotating it periodically (and at once after a manager is compromised) limits what a leaked CA key can do.',
  remediation:
    'Rotate the root CA: `docker swarm ca --rotate` (optionally with your own `--ca-cert`/`--ca-key`), and record when it was done.',
  refs: [cis('7.8'), practice('P-COM-3')],
  evaluate: (snap, ctx) => {
    const off = swarmInactive(snap);
    if (off) return notApplicable(off);
    if (!snap.daemon!.info.swarm.controlAvailable)
      return notApplicable('this node is a swarm worker; the CA is visible on managers');
    const sw = snap.swarm!;
    if (sw.caRootRotationInProgress)
      return pass('Swarm RootRotationInProgress = true: a root CA rotation is under way');
    const now = ctx.settings.now.getTime();
    const daysSince = (iso: string) => Math.floor((now - Date.parse(iso)) / 86_400_000);
    const ca = sw.caCertificate;
    if (ca) {
      const days = daysSince(ca.notBefore);
      const line = `swarm root CA certificate issued ${ca.notBefore} (${days} days ago), valid until ${ca.notAfter} (TLSInfo.TrustRoot)`;
      return days > MAX_DAYS ? fail([line, `not rotated for more than ${MAX_DAYS} days`]) : pass(line);
    }
    if (!sw.createdAt || Number.isNaN(Date.parse(sw.createdAt)))
      return unknown('neither the root CA certificate nor the swarm creation date was available');
    const days = daysSince(sw.createdAt);
    const line = `swarm created ${sw.createdAt} (${days} days ago); the root CA certificate was not available to show when it was last rotated`;
    return days > MAX_DAYS
      ? fail([line, `older than ${MAX_DAYS} days: confirm the root CA has been rotated since`])
      : pass(line);
  },
});
