import { defineCheck, fail, pass, url } from '../../core/model.js';
import { locOf } from './_lib.js';

export default defineCheck({
  id: 'BH-DKF-060',
  slug: 'suppression-reason',
  title: 'Inline suppressions give a reason',
  severity: 'low',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'A `# bulkhead-ignore` comment (in a Dockerfile or a compose file) hides a finding from every later reader. Without a reason nobody can tell an accepted risk from a silenced alarm, so a suppression without one is not honoured and is reported instead.',
  remediation:
    'Say why after the ids: `# bulkhead-ignore BH-DKF-005 runs as root to bind port 80; dropped by the entrypoint`.',
  refs: [url('https://github.com/hadolint/hadolint#inline-ignores')],
  evaluate: (df) => {
    const bad = df.suppressions.filter((s) => s.reason === '' || s.ids.length === 0);
    if (bad.length === 0) return pass('every inline suppression gives a reason');
    return bad.map((s) =>
      fail(
        {
          message:
            s.ids.length === 0
              ? 'bulkhead-ignore without check ids or reason'
              : `bulkhead-ignore ${s.ids.join(',')} without a reason (not honoured)`,
          path: locOf(df, s),
        },
        { subject: { kind: 'file', path: df.path } },
      ),
    );
  },
});
