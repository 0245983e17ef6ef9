import { defineCheck, type Outcome, practice, url } from '../../core/model.js';
import { GIT_URL, HTTP_URL } from './_b-add.js';
import { copyPaths, target } from './_b-secrets.js';
import { finding, verdict } from './_lib.js';

const COMMIT = /#([0-9a-f]{40}|[0-9a-f]{64})(:.*)?$/i;
const SHA256 = /^sha(256|384|512):[0-9a-f]{64,128}$/i;

export default defineCheck({
  id: 'BH-DKF-024',
  slug: 'add-remote-unverified',
  title: 'Remote ADD sources are pinned by checksum or commit',
  severity: 'medium',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'ADD of a URL trusts whatever the server returns at build time: a compromised or hijacked host, or a moved tag, silently changes the image, and a plain http:// URL can be rewritten by anyone on the path. `ADD --checksum=sha256:…` (Dockerfile 1.6+) makes the build fail when the bytes change; a git source is pinned by a full commit hash (`#<sha>`) or `--checksum=<commit>`. No hadolint rule matches; Trivy and Checkov flag ADD as such (see BH-DKF-023).',
  remediation:
    '`ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool-1.2.3.tar.gz /tmp/` for files; `ADD https://github.com/org/repo.git#3f1c9e0d6b0a2c4e5f7a8b9c0d1e2f3a4b5c6d7e /src` for git.',
  refs: [practice('P-IMG-2'), url('https://docs.docker.com/reference/dockerfile/#add---checksum')],
  evaluate: (df) => {
    const found: Outcome[] = [];
    for (const ins of df.instructions) {
      const t = target(ins);
      if (t.keyword !== 'ADD') continue;
      const paths = copyPaths(t);
      if (!paths) continue;
      const checksum = t.flags.find((f) => f.name === 'checksum')?.value ?? null;
      for (const s of paths.sources) {
        if (GIT_URL.test(s)) {
          if (COMMIT.test(s) || (checksum !== null && /^[0-9a-f]{40,64}$/i.test(checksum))) continue;
          found.push(finding(df, ins, `git source not pinned to a commit: ADD ${t.args}`));
          break;
        }
        if (!HTTP_URL.test(s)) continue;
        if (checksum !== null && SHA256.test(checksum)) continue;
        const plain = /^http:/i.test(s) ? ' over plain HTTP' : '';
        found.push(finding(df, ins, `remote file${plain} without --checksum: ADD ${t.args}`));
        break;
      }
    }
    return verdict(found, 'every remote ADD source is pinned');
  },
});
