import { defineCheck, type Outcome, practice, url } from '../../core/model.js';
import { finding, verdict } from './_lib.js';

export default defineCheck({
  id: 'BH-DKF-019',
  slug: 'onbuild',
  title: 'No ONBUILD triggers',
  severity: 'info',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    "ONBUILD registers instructions that run in every build that uses this image (or this stage) as its base, without appearing in the child's Dockerfile: a `COPY . .` or `RUN` the child's author never reviewed, which copies their whole build context or runs code they did not read. Official images dropped their -onbuild variants for this reason. Reported for review, not as a defect. Equivalent: hadolint DL3043 (ONBUILD ONBUILD/FROM/MAINTAINER), Dockle.",
  remediation:
    "Write the steps in the Dockerfiles that need them (`COPY package.json ./` / `RUN npm ci` in the child), or document the trigger in the image's README and labels.",
  refs: [practice('P-IMG-5'), url('https://docs.docker.com/reference/dockerfile/#onbuild')],
  evaluate: (df) => {
    const found: Outcome[] = df.instructions
      .filter((i) => i.keyword === 'ONBUILD')
      .map((i) => finding(df, i, `hidden build step for child images: ONBUILD ${i.args}`));
    return verdict(found, 'no ONBUILD instruction');
  },
});
