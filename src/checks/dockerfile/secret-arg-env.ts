import { cis, defineCheck, type Outcome, practice, url } from '../../core/model.js';
import {
  isSecretName,
  isSecretValue,
  keyValues,
  layerStages,
  mask,
  target,
  valueSecret,
} from './_b-secrets.js';
import { finding, stageLabel, verdict } from './_lib.js';

const JUDGED = new Set(['ARG', 'ENV', 'LABEL']);

export default defineCheck({
  id: 'BH-DKF-020',
  slug: 'secret-arg-env',
  title: 'No secret is set in ARG, ENV or LABEL',
  severity: 'critical',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'A value written in the Dockerfile is readable by anyone with the source, and Docker keeps it: ENV and LABEL values are part of the image config (`docker inspect`), and a build arg used by a RUN is recorded in the image history (`docker history --no-trunc`) even when the stage is not shipped. Flagged: an ARG/ENV whose name says it holds a credential (PASSWORD, TOKEN, API_KEY, *_SECRET, *_CREDENTIALS…) with a non-empty literal default, and any ARG/ENV/LABEL value shaped like a credential (AWS AKIA keys, GitHub/GitLab/Slack/npm tokens, private key blocks, JWTs, Stripe and Google keys, URLs with user:password@). Not flagged: *_FILE/*_PATH/*_DIR pointers, values that are `$VAR` references, empty values and `ARG TOKEN` without a default (the value comes from `--build-arg`, which still lands in the history: prefer secret mounts). Placeholders such as "changeme" are flagged: they become the default password of every container. ARGs are judged in every stage (history); ENV in a builder stage that is not shipped is still flagged (the value is in the Dockerfile and the build cache), and the message says so. The evidence shows at most the first 4 characters. Equivalent: CIS Docker 4.10, Docker build check SecretsUsedInArgOrEnv, Trivy secret scanning, Checkov CKV_SECRET_*, KICS "Passwords And Secrets", Dockle CIS-DI-0010.',
  remediation:
    'Keep secrets out of the Dockerfile: read them at build time from a BuildKit secret (`RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci`, built with `docker build --secret id=npm_token,env=NPM_TOKEN .`) and give them to containers at run time (`-e`, Docker/compose secrets with `*_FILE` variables such as `ENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password`).',
  refs: [
    cis('4.10'),
    practice('P-IMG-5'),
    url('https://docs.docker.com/build/building/secrets/'),
    url('https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/'),
  ],
  evaluate: (df) => {
    const shipped = layerStages(df);
    const found: Outcome[] = [];
    for (const ins of df.instructions) {
      const t = target(ins);
      if (!JUDGED.has(t.keyword)) continue;
      const where =
        t.keyword === 'ENV' && ins.stage >= 0 && !shipped.has(ins.stage)
          ? ` (in ${stageLabel(df, ins.stage)}, not shipped: still in the Dockerfile and the build cache)`
          : t.keyword === 'ARG'
            ? ' (recorded in the image history)'
            : '';
      for (const kv of keyValues(t, df.escape)) {
        if (kv.value === null) continue;
        const byValue = valueSecret(kv.value);
        if (byValue) {
          found.push(
            finding(
              df,
              ins,
              `${t.keyword} ${kv.name} holds ${byValue.what}: ${mask(byValue.secret)}${where}`,
            ),
          );
          continue;
        }
        if (t.keyword === 'LABEL' || !isSecretName(kv.name) || !isSecretValue(kv.value)) continue;
        if (kv.value.includes('$')) continue;
        found.push(
          finding(
            df,
            ins,
            `${t.keyword} ${kv.name} sets a secret in the Dockerfile: ${kv.name}=${mask(kv.value)}${where}`,
          ),
        );
      }
    }
    return verdict(found, 'no ARG, ENV or LABEL holds a secret');
  },
});
