import { describe, expect, it } from 'vitest';
import { failMessages, file, runScan, scanFacts } from '../../../test/kit/image-scan.js';
import check from './sudo-present.js';

describe('sudo-present', () => {
  it('fails for a sudo file in the final filesystem, naming the layer and its instruction', () => {
    const out = runScan(
      check,
      scanFacts({ files: [file({ path: '/usr/bin/sudo', kind: 'sudo', mode: 0o4755 })] }),
    );
    expect(out.map((o) => o.status)).toEqual(['fail']);
    const msg = failMessages(out)[0] ?? '';
    expect(msg.startsWith('sudo /usr/bin/sudo mode ')).toBe(true);
    expect(msg).toContain('layer 1 (RUN apt-get update');
  });

  it('passes when the only such file was removed by a later layer, or there is none', () => {
    const removed = file({ path: '/usr/bin/sudo', kind: 'sudo', mode: 0o4755, present: false, removedIn: 2 });
    expect(runScan(check, scanFacts({ files: [removed] })).map((o) => o.status)).toEqual(['pass']);
    expect(runScan(check, scanFacts()).map((o) => o.status)).toEqual(['pass']);
  });

  it('ignores other kinds of files', () => {
    const other = file({ path: '/etc/passwd', kind: 'sshd' });
    expect(runScan(check, scanFacts({ files: [other] })).map((o) => o.status)).toEqual(['pass']);
  });
});
