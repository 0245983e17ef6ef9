import { describeModeCheck } from '../../../test/kit/host-file-cases.js';
import check from './daemon-json-mode.js';

const PATH = '/etc/docker/daemon.json';

describeModeCheck(check, {
  cis: '3.18',
  path: PATH,
  allowed: '0644',
  stricter: '0600',
  looser: '0664',
  extraBits: '0020',
  locate: { by: 'daemon-json' },
});
