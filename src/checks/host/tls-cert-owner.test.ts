import { TLS_CERT, tlsOver } from '../../../test/kit/host.js';
import { describeOwnerCheck } from '../../../test/kit/host-file-cases.js';
import check from './tls-cert-owner.js';

describeOwnerCheck(check, {
  cis: '3.11',
  path: TLS_CERT,
  base: tlsOver(),
  locate: { by: 'tls', flag: '--tlscert' },
});
