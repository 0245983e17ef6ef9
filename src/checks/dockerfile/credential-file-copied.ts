import { cis, defineCheck, type Outcome, practice, url } from '../../core/model.js';
import {
  copyPaths,
  credentialFile,
  forwardedBy,
  layerStages,
  resolvePath,
  target,
  workdirs,
} from './_b-secrets.js';
import { finding, stageLabel, verdict } from './_lib.js';

const REMOTE = /^(https?|git|ssh):\/\/|^git@/i;

export default defineCheck({
  id: 'BH-DKF-022',
  slug: 'credential-file-copied',
  title: 'No key or credential file is copied into the image',
  severity: 'high',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    "A file COPY/ADD puts in a layer stays in the image for anyone who can pull it, even when a later RUN deletes it. Flagged by name: SSH keys (id_rsa, id_ed25519…, a whole .ssh/.aws/.gnupg directory), private keys and key stores (*.key, *.pem, *.p12, *.pfx, *.jks, *.ppk, *.kdbx — names that say cert/ca/chain/pub/gpg are taken as public material), tool credentials (.npmrc, .pypirc, .netrc, .git-credentials, .pgpass, .aws/credentials, .docker/config.json, kubeconfig, .vault-token), .env files (not .env.example), credentials.json, service-account*.json and terraform.tfstate. `COPY . .` is not judged here: what it copies depends on .dockerignore. A key copied into a builder stage that is not shipped is still reported (it sits in that stage's layers and the build cache), and the message says whether a COPY --from carries it into the final image. Equivalent: CIS Docker 4.10, Trivy secret scanning of image layers, Dockle CIS-DI-0010.",
  remediation:
    'Do not copy credentials; mount them for the RUN that needs them: `RUN --mount=type=ssh git clone git@github.com:org/repo.git` (build with `--ssh default`) or `RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci`, and list key files in .dockerignore (`*.pem`, `.env`, `.npmrc`, `id_*`).',
  refs: [cis('4.10'), practice('P-IMG-5'), url('https://docs.docker.com/build/building/secrets/#ssh-mounts')],
  evaluate: (df) => {
    const shipped = layerStages(df);
    const dirs = workdirs(df);
    const found: Outcome[] = [];
    for (const ins of df.instructions) {
      const t = target(ins);
      if (t.keyword !== 'COPY' && t.keyword !== 'ADD') continue;
      const paths = copyPaths(t);
      if (!paths) continue;
      const { sources, dest } = paths;
      let hit: { path: string; why: string } | null = null;
      for (const s of sources) {
        if (REMOTE.test(s)) continue;
        const why = credentialFile(s);
        if (why) {
          hit = { path: s, why };
          break;
        }
      }
      if (!hit && sources.length === 1 && !dest.endsWith('/')) {
        const why = credentialFile(dest);
        if (why && !REMOTE.test(sources[0] as string)) hit = { path: dest, why };
      }
      if (!hit) continue;
      const text = `${t.keyword} ${t.args}`;
      if (ins.stage < 0 || shipped.has(ins.stage)) {
        found.push(finding(df, ins, `${hit.why} copied into the image: ${text}`));
        continue;
      }
      const base = resolvePath(dirs.get(ins) ?? '/', dest);
      const landed = dest.endsWith('/') || sources.length > 1 ? `${base}/${lastName(hit.path)}` : base;
      const by = forwardedBy(df, ins.stage, landed);
      found.push(
        finding(
          df,
          ins,
          by
            ? `${hit.why} copied into ${stageLabel(df, ins.stage)} and on into the final image by line ${by.line}: ${text}`
            : `${hit.why} copied into ${stageLabel(df, ins.stage)} (not shipped; still in its layers and the build cache): ${text}`,
        ),
      );
    }
    return verdict(found, 'no key or credential file is copied by name');
  },
});

const lastName = (p: string): string => {
  const t = p.replace(/\/+$/, '');
  return t.slice(t.lastIndexOf('/') + 1);
};
