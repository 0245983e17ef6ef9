import { describeModeCheck } from '../../../test/kit/host-file-cases.js';
import check from './containerd-sock-mode.js';

const PATH = '/run/containerd/containerd.sock';

describeModeCheck(check, {
  cis: '3.24',
  path: PATH,
  type: 'socket',
  allowed: '0660',
  stricter: '0600',
  looser: '0666',
  extraBits: '0006',
});
