import { describeModeCheck } from '../../../test/kit/host-file-cases.js';
import check from './docker-service-mode.js';

const PATH = '/lib/systemd/system/docker.service';

describeModeCheck(check, {
  cis: '3.2',
  path: PATH,
  allowed: '0644',
  stricter: '0600',
  looser: '0664',
  extraBits: '0020',
  locate: { by: 'unit', unit: 'docker.service' },
});
