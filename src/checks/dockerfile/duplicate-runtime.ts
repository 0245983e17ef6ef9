import { defineCheck, type Outcome, url } from '../../core/model.js';
import type { Instruction } from '../../facts/dockerfile.js';
import { finding, instructionsOf, verdict } from './_lib.js';

const KEYWORDS = ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'] as const;

export default defineCheck({
  id: 'BH-DKF-011',
  slug: 'duplicate-runtime',
  title: 'One CMD, ENTRYPOINT and HEALTHCHECK per stage',
  severity: 'low',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage takes effect; the earlier ones are silently ignored, which usually means the image does not start (or check) what its author meant, e.g. a second CMD meant as a second process. Each ignored instruction is reported at its line. Equivalent: hadolint DL4003 (CMD), DL4004 (ENTRYPOINT), DL3012 (HEALTHCHECK); Trivy DS016 and DS007.',
  remediation:
    'Keep one of each per stage; to run several processes use one entrypoint script or a minimal init (`tini`, `s6-overlay`), or better, one container per process.',
  refs: [
    url('https://github.com/hadolint/hadolint/wiki/DL4003'),
    url('https://github.com/hadolint/hadolint/wiki/DL4004'),
  ],
  evaluate: (df) => {
    const found: Outcome[] = [];
    for (const stage of df.stages) {
      const last = new Map<string, Instruction>();
      const all = instructionsOf(df, stage.index, ...KEYWORDS);
      for (const ins of all) last.set(ins.keyword, ins);
      for (const ins of all) {
        const winner = last.get(ins.keyword) as Instruction;
        if (winner !== ins)
          found.push(
            finding(
              df,
              ins,
              `${ins.keyword} ${ins.args} is ignored: overridden by ${ins.keyword} ${winner.args} at line ${winner.line}`,
            ),
          );
      }
    }
    return verdict(found, 'no stage has more than one CMD, ENTRYPOINT or HEALTHCHECK');
  },
});
