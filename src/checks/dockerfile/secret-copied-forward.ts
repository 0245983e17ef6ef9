import { cis, defineCheck, type Outcome, practice, url } from '../../core/model.js';
import type { DockerfileFacts, Instruction } from '../../facts/dockerfile.js';
import {
  copyPaths,
  covers,
  credentialFile,
  forwardedBy,
  homePath,
  layerStages,
  resolvePath,
  workdirs,
} from './_b-secrets.js';
import { finding, operands, runCommands, stageLabel, verdict } from './_lib.js';

const COPIERS = new Set(['cp', 'install', 'mv', 'ln', 'rsync']);
const LOGIN_TOOLS = new Set(['docker', 'podman', 'nerdctl']);
const NPM_AUTH = /(_authToken|_auth|_password|npmAuthToken)(=|$)/;

interface Created {
  path: string;
  why: string;
  ins: Instruction;
}

/** Credential files a stage leaves in its filesystem: copied in, or written by a RUN and not removed. */
function createdIn(df: DockerfileFacts, stage: number, dirs: Map<Instruction, string>): Created[] {
  const files: Created[] = [];
  for (const i of df.stages[stage]?.instructions ?? []) {
    const ins = df.instructions[i] as Instruction;
    if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
    const p = copyPaths(ins);
    if (!p) continue;
    const dir = dirs.get(ins) ?? '/';
    for (const src of p.sources) {
      const why = credentialFile(src);
      if (!why) continue;
      const dest = resolvePath(dir, p.dest);
      const name = src.replace(/\/+$/, '').split('/').pop() as string;
      files.push({ path: p.dest.endsWith('/') || p.sources.length > 1 ? `${dest}/${name}` : dest, why, ins });
    }
  }
  return files;
}

export default defineCheck({
  id: 'BH-DKF-028',
  slug: 'secret-copied-forward',
  title: 'Credentials of a build stage are not copied into the final image',
  severity: 'critical',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    "Multi-stage builds keep build-time credentials out of the final image only if nothing carries them across: `COPY --from=build /app /app` brings every file under /app, including the .npmrc with a token a RUN wrote there or the id_rsa a COPY put there. Flagged at the COPY --from of a shipped stage whose source path covers a credential file the builder stage created and did not delete: files copied in by name (as in BH-DKF-022), files written by a RUN (`echo … > .npmrc`, `tee`, `cp /run/secrets/… /app/…`, a file named like a credential copied by cp/install), and the files tools write in root's home (`npm config set …_authToken` -> /root/.npmrc, `docker login` -> /root/.docker/config.json, `aws configure set` -> /root/.aws/credentials, git credential.helper store -> /root/.git-credentials). `cd` inside a RUN is not followed (paths resolve against WORKDIR). Equivalent: no hadolint/Checkov rule; Trivy secret scanning finds the result in the built image.",
  remediation:
    'Mount credentials instead of writing them (`RUN --mount=type=secret,id=npmrc,target=/app/.npmrc npm ci`), delete them in the same RUN that wrote them, and copy only the build output: `COPY --from=build /app/dist /app/dist`.',
  refs: [cis('4.10'), practice('P-IMG-5'), url('https://docs.docker.com/build/building/multi-stage/')],
  evaluate: (df) => {
    const shipped = layerStages(df);
    const dirs = workdirs(df);
    const byStage = new Map<number, Created[]>();
    for (const s of df.stages) if (!shipped.has(s.index)) byStage.set(s.index, createdIn(df, s.index, dirs));
    const add = (stage: number, c: Created): void => {
      byStage.get(stage)?.push(c);
    };
    const removeCovered = (stage: number, path: string): void => {
      const list = byStage.get(stage);
      if (!list) return;
      byStage.set(
        stage,
        list.filter((c) => !covers(path, c.path)),
      );
    };
    for (const { ins, cmd, eff } of runCommands(df)) {
      if (shipped.has(ins.stage) || ins.stage < 0) continue;
      const dir = dirs.get(ins) ?? '/';
      const at = (p: string): string => resolvePath(dir, homePath(p));
      const name = eff.name;
      const targets: string[] = [];
      for (const r of cmd.redirects) if ((r.op === '>' || r.op === '>>') && r.target) targets.push(r.target);
      if (name === 'tee') for (const w of operands(eff.args)) targets.push(w.value);
      for (const t of targets) {
        const why = credentialFile(t);
        if (why) add(ins.stage, { path: at(t), why: `${why} written by a RUN`, ins });
      }
      if (name !== null && COPIERS.has(name)) {
        const ops = operands(eff.args, ['-m', '-o', '-g', '-t', '--mode', '--owner', '--group']);
        const dest = ops[ops.length - 1];
        if (dest && ops.length >= 2) {
          const fromSecret = ops.slice(0, -1).some((o) => o.value.startsWith('/run/secrets/'));
          const why =
            credentialFile(dest.value) ??
            ops
              .slice(0, -1)
              .map((o) => credentialFile(o.value))
              .find((x) => x);
          if (fromSecret || why)
            add(ins.stage, {
              path: at(dest.value),
              why: fromSecret ? 'a secret mount copied to a file' : `${why} copied by ${name}`,
              ins,
            });
        }
      }
      const a0 = eff.args[0]?.value;
      if (
        (name === 'npm' || name === 'pnpm' || name === 'yarn') &&
        (a0 === 'config' || a0 === 'set') &&
        eff.args.some((w) => NPM_AUTH.test(w.value))
      )
        add(ins.stage, { path: '/root/.npmrc', why: `.npmrc written by ${name} config set`, ins });
      if (name !== null && LOGIN_TOOLS.has(name) && a0 === 'login')
        add(ins.stage, {
          path: '/root/.docker/config.json',
          why: `.docker/config.json written by ${name} login`,
          ins,
        });
      if (name === 'aws' && a0 === 'configure')
        add(ins.stage, {
          path: '/root/.aws/credentials',
          why: '.aws/credentials written by aws configure',
          ins,
        });
      if (
        name === 'git' &&
        eff.args.some((w) => w.value === 'credential.helper') &&
        eff.args.some((w) => w.value === 'store')
      )
        add(ins.stage, {
          path: '/root/.git-credentials',
          why: '.git-credentials kept by credential.helper store',
          ins,
        });
      if (name === 'rm') for (const o of operands(eff.args)) removeCovered(ins.stage, at(o.value));
    }
    const found: Outcome[] = [];
    const seen = new Set<string>();
    for (const [stage, files] of byStage) {
      for (const f of files) {
        const by = forwardedBy(df, stage, f.path);
        if (!by) continue;
        const key = `${by.line}:${f.path}`;
        if (seen.has(key)) continue;
        seen.add(key);
        found.push(
          finding(
            df,
            by,
            `COPY ${by.flags.map((x) => `--${x.name}${x.value === null ? '' : `=${x.value}`}`).join(' ')} ${by.args} brings ${f.path} (${f.why} at line ${f.ins.line} in ${stageLabel(df, stage)}) into the final image`,
          ),
        );
      }
    }
    return verdict(found, 'no credential file of a build stage is copied into the final image');
  },
});
