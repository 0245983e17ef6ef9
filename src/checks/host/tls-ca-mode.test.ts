import { TLS_CA, tlsOver } from '../../../test/kit/host.js';
import { describeModeCheck } from '../../../test/kit/host-file-cases.js';
import check from './tls-ca-mode.js';

describeModeCheck(check, {
  cis: '3.10',
  path: TLS_CA,
  base: tlsOver(),
  allowed: '0444',
  stricter: '0400',
  looser: '0644',
  extraBits: '0200',
  locate: { by: 'tls', flag: '--tlscacert' },
});
