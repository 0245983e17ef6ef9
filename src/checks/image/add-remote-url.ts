import { cis, defineCheck, fail, pass, practice, unknown } from '../../core/model.js';
import { addSteps, isRemote, isRootfsAdd, showSource } from './lib/add.js';

export default defineCheck({
  id: 'BH-IMG-005',
  slug: 'add-remote-url',
  title: 'Image does not ADD files from remote URLs',
  severity: 'medium',
  scope: 'image',
  facts: ['images'],
  partial: true,
  rationale:
    'ADD <url> downloads at build time without verifying what it got (over plain http even in transit), so a compromised or spoofed server puts arbitrary content into the image.',
  remediation:
    'Download in a RUN step and verify a pinned checksum (`curl -fsSLo f.tgz https://... && echo "<sha256>  f.tgz" | sha256sum -c -`), or use `ADD --checksum=sha256:<hash> https://...` with BuildKit.',
  refs: [cis('4.9'), practice('P-IMG-2'), practice('P-ENG-2')],
  evaluate: (img) => {
    if (img.history.length === 0) return unknown('image has no build history to read');
    const adds = addSteps(img.history);
    const bad: string[] = [];
    for (const a of adds) {
      const remote = a.sources.filter(isRemote);
      // BuildKit verifies the download against a pinned digest.
      if (remote.length === 0 || a.flags.some((f) => f.startsWith('--checksum='))) continue;
      const plainHttp = remote.some((s) => /^http:\/\//i.test(s)) ? ', over plain http' : '';
      bad.push(`history step ${a.index}: ADD ${remote.map(showSource).join(' ')}${plainHttp}`);
    }
    if (bad.length > 0) return fail(bad);
    const hidden = adds.filter((a) => a.builder === 'classic' && !isRootfsAdd(a));
    if (hidden.length > 0)
      return unknown('classic builder history hides ADD sources, so a remote URL cannot be ruled out', {
        evidence: hidden.map((a) => `history step ${a.index}: ADD ${a.classicRef} in ${a.dest}`),
      });
    return pass('no ADD of a remote URL in the build history');
  },
});
