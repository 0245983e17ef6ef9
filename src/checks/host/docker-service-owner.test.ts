import { describeOwnerCheck } from '../../../test/kit/host-file-cases.js';
import check from './docker-service-owner.js';

const PATH = '/lib/systemd/system/docker.service';

describeOwnerCheck(check, {
  cis: '3.1',
  path: PATH,
  locate: { by: 'unit', unit: 'docker.service' },
});
