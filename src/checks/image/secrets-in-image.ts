import { cis, defineCheck, type Evidence, fail, pass, practice } from '../../core/model.js';
import { parseHistory } from './lib/history.js';
import {
  assignments,
  credentialUrlHosts,
  isSecretName,
  isSecretValue,
  secretOptions,
} from './lib/secrets.js';

export default defineCheck({
  id: 'BH-IMG-006',
  slug: 'secrets-in-image',
  title: 'Image config and history hold no secrets',
  severity: 'high',
  scope: 'image',
  facts: ['images'],
  partial: true,
  rationale:
    'ENV values, build args and RUN command lines are stored in the image config and history, readable by anyone who can pull the image (`docker history --no-trunc`), even when a later step unsets them.',
  remediation:
    'Pass secrets at run time (`docker run --env-file`, swarm/compose secrets mounted under /run/secrets) and at build time with `RUN --mount=type=secret,id=token ...` instead of ENV or --build-arg; then rebuild and rotate the exposed secret.',
  refs: [cis('4.10'), practice('P-IMG-5')],
  evaluate: (img) => {
    const found: (string | Evidence)[] = [];
    const seenEnv = new Set<string>();
    for (const kv of img.env) {
      const eq = kv.indexOf('=');
      const name = eq < 0 ? kv : kv.slice(0, eq);
      const value = eq < 0 ? '' : kv.slice(eq + 1);
      if (isSecretName(name) && isSecretValue(value)) {
        seenEnv.add(name);
        found.push({ message: `Config.Env sets ${name} (value not shown)`, path: 'Config.Env' });
      }
    }
    for (const step of parseHistory(img.history)) {
      const at = `history step ${step.index}`;
      if (step.instruction === 'ENV' || step.instruction === 'ARG') {
        for (const { name, value } of assignments(step.args)) {
          if (!isSecretName(name) || !isSecretValue(value)) continue;
          if (step.instruction === 'ENV' && seenEnv.has(name)) continue;
          found.push(`${at} (${step.instruction}) sets ${name}`);
        }
        continue;
      }
      for (const { name, value } of step.buildArgs) {
        if (isSecretName(name) && isSecretValue(value)) found.push(`${at} (RUN) was given build arg ${name}`);
      }
      if (step.instruction !== 'RUN' && step.instruction !== 'ADD') continue;
      if (step.instruction === 'RUN') {
        const inline = new Set(
          assignments(step.args, false)
            .filter(({ name, value }) => isSecretName(name) && isSecretValue(value))
            .map((a) => a.name),
        );
        for (const name of inline) found.push(`${at} (RUN) assigns ${name} on the command line`);
        for (const opt of new Set(secretOptions(step.args)))
          found.push(`${at} (RUN) passes ${opt} with a literal value`);
      }
      for (const host of new Set(credentialUrlHosts(step.args)))
        found.push(`${at} (${step.instruction}) uses a URL with an embedded password for ${host}`);
    }
    return found.length > 0
      ? fail(found)
      : pass('no secret-like variable, build arg or credential in config or history');
  },
});
