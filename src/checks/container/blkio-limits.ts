import { defineCheck, fail, pass, practice } from '../../core/model.js';

export default defineCheck({
  id: 'BH-CTR-034',
  slug: 'blkio-limits',
  title: 'Container block-IO bandwidth or IOPS is limited',
  severity: 'low',
  scope: 'container',
  facts: ['containers'],
  rationale:
    'Without read/write bps or iops limits one container can saturate a shared disk and stall every other container and the host; a relative blkio weight alone does not cap it.',
  remediation:
    'Set `--device-read-bps /dev/sda:50mb --device-write-bps /dev/sda:50mb` and/or `--device-read-iops`/`--device-write-iops` (compose `blkio_config:`).',
  refs: [practice('P-KER-2')],
  evaluate: (c) => {
    const s = c.spec;
    const set = [
      ...s.blkioDeviceReadBps.map((d) => `read ${d.rate} B/s on ${d.path}`),
      ...s.blkioDeviceWriteBps.map((d) => `write ${d.rate} B/s on ${d.path}`),
      ...s.blkioDeviceReadIOps.map((d) => `read ${d.rate} IOPS on ${d.path}`),
      ...s.blkioDeviceWriteIOps.map((d) => `write ${d.rate} IOPS on ${d.path}`),
    ];
    if (set.length > 0) return pass(set);
    return fail(
      `no block-IO bps/iops limit${s.blkioWeight > 0 ? ` (BlkioWeight ${s.blkioWeight} is only a relative share)` : ''}`,
    );
  },
});
