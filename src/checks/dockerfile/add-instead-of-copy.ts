import { cis, defineCheck, type Outcome, practice, url } from '../../core/model.js';
import { ARCHIVE, GIT_URL, HTTP_URL } from './_b-add.js';
import { copyPaths, target } from './_b-secrets.js';
import { finding, verdict } from './_lib.js';

const VAR = /\$/;

export default defineCheck({
  id: 'BH-DKF-023',
  slug: 'add-instead-of-copy',
  title: 'COPY is used instead of ADD for local files',
  severity: 'low',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'ADD does more than copy: it fetches URLs and silently unpacks local archives, so a file that happens to be a tarball (or is replaced by one) is extracted into the image, possibly over existing paths. For plain local files and directories COPY does the same with no surprises. Not flagged: ADD of an archive (extraction is the point), of a URL (BH-DKF-024 judges those), or of a source still holding a variable. Equivalent: CIS Docker 4.9, hadolint DL3020, Checkov CKV_DOCKER_4, KICS "Add Instead of Copy", Trivy DS-0005.',
  remediation:
    'Replace `ADD app.py /app/` with `COPY app.py /app/`; keep ADD only for `ADD rootfs.tar.gz /` or a verified `ADD --checksum=sha256:… https://…`.',
  refs: [cis('4.9'), practice('P-IMG-2'), url('https://github.com/hadolint/hadolint/wiki/DL3020')],
  evaluate: (df) => {
    const found: Outcome[] = [];
    for (const ins of df.instructions) {
      const t = target(ins);
      if (t.keyword !== 'ADD') continue;
      const paths = copyPaths(t);
      if (!paths) continue;
      const { sources } = paths;
      const heredoc = (t.json ?? t.words).some((w) => w.startsWith('<<'));
      if (sources.length === 0 && !heredoc) continue;
      if (sources.some((s) => HTTP_URL.test(s) || GIT_URL.test(s) || ARCHIVE.test(s) || VAR.test(s)))
        continue;
      found.push(finding(df, ins, `ADD of local files where COPY fits: ADD ${t.args}`));
    }
    return verdict(found, 'ADD is used only for archives and URLs');
  },
});
