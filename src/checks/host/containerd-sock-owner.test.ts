import { expect, it } from 'vitest';
import { evaluateHost, fileFact, hostSnapshot, missingFile } from '../../../test/kit/host.js';
import { describeOwnerCheck } from '../../../test/kit/host-file-cases.js';
import check from './containerd-sock-owner.js';

const PATH = '/run/containerd/containerd.sock';

describeOwnerCheck(check, {
  cis: '3.23',
  path: PATH,
  type: 'socket',
  extra: () => {
    it("judges dockerd's managed containerd socket when no system containerd runs", () => {
      const managed = '/var/run/docker/containerd/containerd.sock';
      const out = evaluateHost(
        check,
        hostSnapshot({
          processes: [{ pid: 812, name: 'dockerd', argv: ['/usr/bin/dockerd', '-H', 'fd://'], uid: 0 }],
          files: {
            [PATH]: missingFile(PATH),
            [managed]: fileFact(managed, { type: 'socket', mode: 0o660, gid: 998, group: 'docker' }),
          },
        }),
      );
      expect(out.map((o) => `${o.subject?.path}:${o.status}`)).toEqual([`${PATH}:n/a`, `${managed}:fail`]);
    });
  },
});
