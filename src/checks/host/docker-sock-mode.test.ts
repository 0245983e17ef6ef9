import { describeModeCheck } from '../../../test/kit/host-file-cases.js';
import check from './docker-sock-mode.js';

const PATH = '/var/run/docker.sock';

describeModeCheck(check, {
  cis: '3.16',
  path: PATH,
  type: 'socket',
  allowed: '0660',
  stricter: '0600',
  looser: '0666',
  extraBits: '0006',
  locate: { by: 'docker-sock' },
});
