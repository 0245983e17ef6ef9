import { cis, defineCheck, fail, pass, unknown } from '../../core/model.js';
import { addSteps, isLocalArchive, isRemote, isRootfsAdd } from './lib/add.js';

export default defineCheck({
  id: 'BH-IMG-004',
  slug: 'add-instead-of-copy',
  title: 'COPY is used instead of ADD for local files',
  severity: 'low',
  scope: 'image',
  facts: ['images'],
  partial: true,
  rationale:
    'ADD silently extracts archives and fetches URLs, so what lands in the image depends on the file type; COPY does only what it says. ADD is legitimate only to unpack a local tar archive (remote URLs are judged by BH-IMG-005).',
  remediation:
    'Replace `ADD src dest` with `COPY src dest`; keep ADD only for `ADD rootfs.tar.gz /` style archive extraction.',
  refs: [cis('4.9')],
  evaluate: (img) => {
    if (img.history.length === 0) return unknown('image has no build history to read');
    const bad: string[] = [];
    for (const a of addSteps(img.history)) {
      if (isRootfsAdd(a)) continue;
      if (a.builder === 'classic') {
        bad.push(
          `history step ${a.index}: ADD ${a.classicRef} in ${a.dest} (classic builder history does not show whether the source was an archive)`,
        );
        continue;
      }
      const plain = a.sources.filter((s) => !isRemote(s) && !isLocalArchive(s));
      if (plain.length > 0)
        bad.push(`history step ${a.index}: ADD ${plain.join(' ')} ${a.dest} (not an archive)`);
    }
    return bad.length > 0 ? fail(bad) : pass('ADD is used only to extract local archives, if at all');
  },
});
