import { cis, defineCheck, fail, pass, practice, unknown } from '../../core/model.js';

export default defineCheck({
  id: 'BH-DMN-006',
  slug: 'no-aufs',
  title: 'The aufs storage driver is not used',
  severity: 'medium',
  scope: 'daemon',
  facts: ['daemon'],
  rationale:
    'aufs is unmaintained, missing from current kernels and removed from Docker; it is known to cause kernel crashes and has no security fixes.',
  remediation:
    'Migrate to overlay2 (`"storage-driver": "overlay2"` in /etc/docker/daemon.json) after exporting what you need; images and containers must be recreated.',
  refs: [cis('2.6'), practice('P-ENG-1')],
  evaluate: (snap) => {
    const driver = snap.daemon!.info.driver;
    if (!driver) return unknown('GET /info did not report the storage driver');
    return driver === 'aufs' ? fail('GET /info Driver = aufs') : pass(`GET /info Driver = ${driver}`);
  },
});
