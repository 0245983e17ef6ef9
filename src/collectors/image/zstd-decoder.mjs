// @ts-check
// A zstd decoding Transform: node:zlib's own where this Node has it (22.15+), else fzstd (pure JS). Plain
// JavaScript because the layer worker (layer-worker.mjs) uses it as well as layer.ts; `npm run build`
// copies it next to the worker in dist/.
import { createRequire } from 'node:module';
import { Transform } from 'node:stream';
import * as zlib from 'node:zlib';

/**
 * @param {number} chunkSize output chunk size for node:zlib's decoder
 * @returns {Promise<Transform>}
 */
export async function zstdDecoder(chunkSize) {
  /** @type {{ createZstdDecompress?: (o?: object) => Transform }} */
  const z = /** @type {never} */ (zlib);
  if (typeof z.createZstdDecompress === 'function') return z.createZstdDecompress({ chunkSize });
  // Through require: the CLI bundle is a vm.Script (bin/bulkhead.js), which has no import().
  /** @type {typeof import('fzstd')} */
  const { Decompress } = createRequire(import.meta.url)('fzstd');
  /** @type {((b: Buffer) => void) | undefined} */
  let push;
  const d = new Decompress((data) => push?.(Buffer.from(data)));
  return new Transform({
    transform(chunk, _enc, cb) {
      push = (b) => this.push(b);
      try {
        d.push(chunk);
        cb();
      } catch (err) {
        cb(/** @type {Error} */ (err));
      }
    },
    flush(cb) {
      push = (b) => this.push(b);
      try {
        d.push(new Uint8Array(0), true);
        cb();
      } catch (err) {
        cb(/** @type {Error} */ (err));
      }
    },
  });
}
