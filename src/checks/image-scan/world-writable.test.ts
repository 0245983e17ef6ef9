import { describe, expect, it } from 'vitest';
import { failMessages, file, runScan, scanFacts } from '../../../test/kit/image-scan.js';
import check from './world-writable.js';

describe('world-writable', () => {
  it('fails for a world-writable file in the final filesystem, naming the layer and its instruction', () => {
    const out = runScan(
      check,
      scanFacts({ files: [file({ path: '/app/config', kind: 'world-writable', mode: 0o666 })] }),
    );
    expect(out.map((o) => o.status)).toEqual(['fail']);
    const msg = failMessages(out)[0] ?? '';
    expect(msg.startsWith('world-writable /app/config mode ')).toBe(true);
    expect(msg).toContain('layer 1 (RUN apt-get update');
  });

  it('passes when the only such file was removed by a later layer, or there is none', () => {
    const removed = file({
      path: '/app/config',
      kind: 'world-writable',
      mode: 0o666,
      present: false,
      removedIn: 2,
    });
    expect(runScan(check, scanFacts({ files: [removed] })).map((o) => o.status)).toEqual(['pass']);
    expect(runScan(check, scanFacts()).map((o) => o.status)).toEqual(['pass']);
  });

  it('ignores other kinds of files', () => {
    const other = file({ path: '/etc/passwd', kind: 'setuid' });
    expect(runScan(check, scanFacts({ files: [other] })).map((o) => o.status)).toEqual(['pass']);
  });
});
