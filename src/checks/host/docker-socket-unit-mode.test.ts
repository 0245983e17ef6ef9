import { describeModeCheck } from '../../../test/kit/host-file-cases.js';
import check from './docker-socket-unit-mode.js';

const PATH = '/lib/systemd/system/docker.socket';

describeModeCheck(check, {
  cis: '3.4',
  path: PATH,
  allowed: '0644',
  stricter: '0600',
  looser: '0664',
  extraBits: '0020',
  locate: { by: 'unit', unit: 'docker.socket' },
});
