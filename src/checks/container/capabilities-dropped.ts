import { cis, defineCheck, fail, pass, practice } from '../../core/model.js';
import { normCap } from './_lib.js';

export default defineCheck({
  id: 'BH-CTR-004',
  slug: 'capabilities-dropped',
  title: 'Container drops all capabilities it does not need (CapDrop ALL)',
  severity: 'low',
  scope: 'container',
  facts: ['containers'],
  rationale:
    "The engine's default set still includes capabilities few workloads need (NET_RAW, MKNOD, SETFCAP, AUDIT_WRITE...). Dropping ALL and adding back only what is needed keeps root in the container close to an ordinary user.",
  remediation: 'Run with `--cap-drop ALL --cap-add <needed>` (compose: `cap_drop: [ALL]`).',
  refs: [cis('5.4'), practice('P-KER-3')],
  evaluate: (c) => {
    if (c.spec.privileged)
      return fail('privileged container: every capability is granted, CapDrop is ignored');
    const dropped = c.spec.capDrop.map(normCap);
    if (dropped.includes('ALL'))
      return pass(
        c.spec.capAdd.length > 0
          ? `CapDrop ALL; adds back ${c.spec.capAdd.map(normCap).join(', ')}`
          : 'CapDrop ALL',
      );
    return fail(
      dropped.length > 0
        ? `CapDrop is ${c.spec.capDrop.join(', ')}, not ALL: the rest of the default set stays granted`
        : 'CapDrop is empty: the full default capability set is granted',
    );
  },
});
