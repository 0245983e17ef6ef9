import { effectiveDaemonConfig } from '../../analysis/daemon-config.js';
import { cis, defineCheck, fail, notApplicable, pass, practice, unknown } from '../../core/model.js';

export default defineCheck({
  id: 'BH-DMN-011',
  slug: 'base-device-size',
  title: 'The devicemapper base device size is not changed',
  severity: 'low',
  scope: 'daemon',
  facts: ['daemon'],
  rationale:
    'Raising dm.basesize lets every container grow its root filesystem to that size, so a single container can fill the thin pool and take down all others.',
  remediation:
    'Remove `dm.basesize` from `--storage-opt` / `"storage-opts"` unless a larger base device is needed, then restart Docker.',
  refs: [cis('2.11'), practice('P-KER-2')],
  evaluate: (snap) => {
    const cfg = effectiveDaemonConfig(snap);
    const driver = snap.daemon!.info.driver;
    if (driver && driver !== 'devicemapper')
      return notApplicable(`storage driver ${driver} has no devicemapper base device`);
    const opts = cfg.storageOpts;
    if (!opts.known) return unknown(opts.reason);
    const base = opts.value.filter((o) => /^dm\.basesize=/i.test(o.trim()));
    const status = snap.daemon!.info.driverStatus.find(([k]) => k === 'Base Device Size');
    const seen = status ? [`GET /info DriverStatus Base Device Size = ${status[1]}`] : [];
    if (base.length) return fail([`${base.join(', ')} (${opts.origin})`, ...seen]);
    return pass([`no dm.basesize storage option (${opts.origin})`, ...seen]);
  },
});
