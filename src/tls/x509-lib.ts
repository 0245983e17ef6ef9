// Loads @peculiar/x509 on first use, so commands that never touch certificates (audit, lint) do not pay
// for it at start-up. Its dependency injection (tsyringe) needs the Reflect metadata polyfill loaded first.
import { webcrypto } from 'node:crypto';
import { createRequire } from 'node:module';

export type X509Lib = typeof import('@peculiar/x509');

let loading: Promise<X509Lib> | undefined;

export function loadX509(): Promise<X509Lib> {
  loading ??= (async () => {
    // Through require: the CLI bundle is a vm.Script (bin/bulkhead.js), which has no import().
    const require = createRequire(import.meta.url);
    require('reflect-metadata');
    const lib = require('@peculiar/x509') as X509Lib;
    lib.cryptoProvider.set(webcrypto);
    return lib;
  })();
  return loading;
}
