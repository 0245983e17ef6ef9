import { describeOwnerCheck } from '../../../test/kit/host-file-cases.js';
import check from './docker-socket-unit-owner.js';

const PATH = '/lib/systemd/system/docker.socket';

describeOwnerCheck(check, {
  cis: '3.3',
  path: PATH,
  locate: { by: 'unit', unit: 'docker.socket' },
});
