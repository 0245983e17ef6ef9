import { describe, expect, it } from 'vitest';
import { failMessages, file, runScan, scanFacts } from '../../../test/kit/image-scan.js';
import check from './sshd-present.js';

describe('sshd-present', () => {
  it('fails for a sshd file in the final filesystem, naming the layer and its instruction', () => {
    const out = runScan(
      check,
      scanFacts({ files: [file({ path: '/usr/sbin/sshd', kind: 'sshd', mode: 0o755 })] }),
    );
    expect(out.map((o) => o.status)).toEqual(['fail']);
    const msg = failMessages(out)[0] ?? '';
    expect(msg.startsWith('sshd /usr/sbin/sshd mode ')).toBe(true);
    expect(msg).toContain('layer 1 (RUN apt-get update');
  });

  it('passes when the only such file was removed by a later layer, or there is none', () => {
    const removed = file({ path: '/usr/sbin/sshd', kind: 'sshd', mode: 0o755, present: false, removedIn: 2 });
    expect(runScan(check, scanFacts({ files: [removed] })).map((o) => o.status)).toEqual(['pass']);
    expect(runScan(check, scanFacts()).map((o) => o.status)).toEqual(['pass']);
  });

  it('ignores other kinds of files', () => {
    const other = file({ path: '/etc/passwd', kind: 'sudo' });
    expect(runScan(check, scanFacts({ files: [other] })).map((o) => o.status)).toEqual(['pass']);
  });
});
