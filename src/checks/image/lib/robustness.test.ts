// Every image and network check, run by the engine over adapter output of odd but real shapes: none may throw
// (the engine would turn that into "check failed"), and every result names its subject.
import { describe, expect, it } from 'vitest';
import { apiHistory, buildkit, classic, inspectV141, inspectV150 } from '../../../../test/kit/image.js';
import {
  defaultBridgeV141,
  ingressOverlay,
  userBridgeV141,
  userBridgeV147,
} from '../../../../test/kit/network.js';
import { settings, snapshot } from '../../../../test/kit/snapshot.js';
import { imageFromApi, networkFromApi } from '../../../collectors/adapters/image.js';
import { runChecks } from '../../../core/engine.js';
import { networkChecks } from '../../network/index.js';
import { imageChecks } from '../index.js';

const images = [
  imageFromApi(inspectV141(), apiHistory([classic('ADD file:abc in / '), classic('CMD ["bash"]')]), 0),
  imageFromApi(inspectV150({ config: null, top: { RepoTags: [], RepoDigests: [], Created: '' } }), [], 0),
  imageFromApi(
    inspectV150({ config: { Entrypoint: null, Cmd: null, Env: null, Healthcheck: { Test: [] } } }),
    apiHistory([buildkit('RUN'), buildkit('ADD'), '', 'Imported from -', '|3 A=1 /bin/sh -c'], {
      buildkit: true,
    }),
    2,
  ),
];
const networks = [
  networkFromApi(defaultBridgeV141()),
  networkFromApi(userBridgeV141({ Options: null, IPAM: null, Containers: null })),
  networkFromApi(userBridgeV147()),
  networkFromApi(ingressOverlay()),
  networkFromApi({ Id: 'f00d', Name: 'none', Driver: 'null', Scope: 'local' }),
];

describe('image and network checks over odd real shapes', () => {
  it.each([
    ['defaults', {}],
    [
      'deny egress with trusted registries',
      { egressPolicy: 'deny' as const, trustedRegistries: ['registry.example.com'] },
    ],
  ])('run without errors (%s)', (_name, over) => {
    const results = runChecks(
      [...imageChecks, ...networkChecks],
      snapshot({ images, networks }),
      settings(over),
    );
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.reason ?? '', `${r.checkId} on ${r.subject.name}`).not.toMatch(/^check failed/);
      expect(['image', 'network']).toContain(r.subject.kind);
      if (r.status === 'fail') expect(r.evidence.length, r.checkId).toBeGreaterThan(0);
    }
  });

  it('reports unknown, not pass, when image or network facts were not collected', () => {
    const gaps = snapshot({ gaps: { images: 'permission denied', networks: 'permission denied' } });
    const results = runChecks([...imageChecks, ...networkChecks], gaps, settings());
    expect(results.every((r) => r.status === 'unknown' && r.reason === 'permission denied')).toBe(true);
  });
});
