import { cis, defineCheck, fail, pass, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-CTR-021',
  slug: 'shared-propagation',
  title: 'No mount uses shared propagation',
  severity: 'medium',
  scope: 'container',
  facts: ['containers'],
  rationale:
    'A bind mounted with shared (or rshared) propagation passes mounts made inside the container back to the host, so a container can place new mounts into host paths other processes rely on.',
  remediation:
    'Use the default rprivate propagation (drop `:shared`/`:rshared` from `-v`, `bind-propagation=shared` from `--mount`); use rslave if the container must see host mounts.',
  refs: [cis('5.20'), practice('P-HST-3')],
  evaluate: (c) => {
    const shared = c.spec.mounts.filter((m) => m.propagation === 'shared' || m.propagation === 'rshared');
    return shared.length > 0
      ? fail(
          shared.map(
            (m) => `${m.source || '(anonymous)'}:${m.destination} has propagation "${m.propagation}"`,
          ),
        )
      : pass('no mount has shared propagation');
  },
});
