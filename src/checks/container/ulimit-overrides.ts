import { cis, defineCheck, fail, pass, practice } from '../../core/model.js';

const show = (n: number): string => (n === -1 ? 'unlimited' : String(n));

export default defineCheck({
  id: 'BH-CTR-020',
  slug: 'ulimit-overrides',
  title: 'Per-container ulimit overrides are reviewed',
  severity: 'info',
  scope: 'container',
  facts: ['containers'],
  rationale:
    "Containers inherit the daemon's default ulimits; a per-container --ulimit should be a deliberate exception. Raised or unlimited limits (nofile, nproc, memlock, core) let one container exhaust host resources.",
  remediation:
    'Remove `--ulimit` overrides (compose `ulimits:`) that are not needed and set sensible defaults in daemon.json `default-ulimits`.',
  refs: [cis('5.19'), practice('P-HST-5')],
  partial: true,
  evaluate: (c) =>
    c.spec.ulimits.length === 0
      ? pass("no ulimit override: the daemon's defaults apply")
      : fail(
          c.spec.ulimits.map(
            (u) =>
              `ulimit ${u.name} overridden: soft ${show(u.soft)}, hard ${show(u.hard)}${u.soft === -1 || u.hard === -1 ? ' (unlimited)' : ''}`,
          ),
        ),
});
