import { TLS_CA, tlsOver } from '../../../test/kit/host.js';
import { describeOwnerCheck } from '../../../test/kit/host-file-cases.js';
import check from './tls-ca-owner.js';

describeOwnerCheck(check, {
  cis: '3.9',
  path: TLS_CA,
  base: tlsOver(),
  locate: { by: 'tls', flag: '--tlscacert' },
});
