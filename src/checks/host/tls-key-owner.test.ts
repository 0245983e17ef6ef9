import { TLS_KEY, tlsOver } from '../../../test/kit/host.js';
import { describeOwnerCheck } from '../../../test/kit/host-file-cases.js';
import check from './tls-key-owner.js';

describeOwnerCheck(check, {
  cis: '3.13',
  path: TLS_KEY,
  base: tlsOver(),
  locate: { by: 'tls', flag: '--tlskey' },
});
