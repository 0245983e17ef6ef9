import { cis, defineCheck, pass, practice, unknown, url } from '../../core/model.js';
import { finalUser, isRootUser, userText } from './_a-runtime.js';
import { finalStage, finding, stageLabel } from './_lib.js';

// distroless (`:nonroot`, `:debug-nonroot`) and similar images ship USER 65532 in their config.
const NONROOT_TAG = /(^|[-_.])nonroot($|[-_.])/i;

export default defineCheck({
  id: 'BH-DKF-005',
  slug: 'user-root',
  title: 'The image runs as a non-root user',
  severity: 'high',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'Without a USER, or with USER root/0, every process in the container runs as root: a breakout or a writable host mount then acts as root on the host (unless user namespaces remap it). The USER that counts is the last one of the final stage, or of the stages it is built FROM; `scratch` and distroless images without a USER still default to root (only a base tagged `nonroot` is trusted to set one). Equivalent: CIS Docker 4.1, hadolint DL3002, Trivy DS002, Checkov CKV_DOCKER_3/CKV_DOCKER_8, Dockle CIS-DI-0001.',
  remediation:
    'Create an unprivileged user and switch to it at the end of the final stage:\n\n```dockerfile\nRUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app\nUSER 10001:10001\n```',
  refs: [cis('4.1'), practice('P-KER-3'), url('https://github.com/hadolint/hadolint/wiki/DL3002')],
  evaluate: (df) => {
    const stage = finalStage(df);
    if (!stage) return unknown('no FROM instruction');
    const u = finalUser(df);
    if (u === null) {
      const tag = stage.resolvedImage.split('@')[0]?.split('/').pop()?.split(':')[1];
      if (stage.baseStage === null && tag !== undefined && NONROOT_TAG.test(tag))
        return pass(`no USER, but the base image ${stage.resolvedImage} is a nonroot variant`);
      const from = df.instructions[stage.from];
      if (!from) return unknown('final stage has no FROM');
      return finding(
        df,
        from,
        `no USER in ${stageLabel(df, stage.index)} or its base stages: the container runs as root (image default)`,
      );
    }
    if (u.dynamic) return unknown(`the final USER is only known at build time: USER ${u.ins.args}`);
    if (isRootUser(u.user)) return finding(df, u.ins, `final user is root: ${userText(u)}`);
    return pass(`final user is ${u.user} (${userText(u)}, line ${u.ins.line})`);
  },
});
