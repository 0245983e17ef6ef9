import { describe, expect, it } from 'vitest';
import { imageFacts, inspectV141, one, text } from '../../../test/kit/image.js';
import { context } from '../../../test/kit/snapshot.js';
import { imageFromApi } from '../../collectors/adapters/image.js';
import check from './runtime-package-install.js';

describe('BH-IMG-014 runtime-package-install', () => {
  it.each([
    [
      'apt-get install in a shell Cmd',
      { cmd: ['/bin/sh', '-c', 'apt-get update && apt-get install -y curl && ./run.sh'], entrypoint: [] },
      [
        'Config.Cmd runs the package manager: apt-get update',
        'Config.Cmd runs the package manager: apt-get install -y curl',
      ],
    ],
    [
      'pip install in Entrypoint',
      { entrypoint: ['sh', '-c', 'pip install -r requirements.txt; exec python app.py'], cmd: [] },
      ['Config.Entrypoint runs the package manager: pip install -r requirements.txt'],
    ],
  ])('fails for %s', (_name, over, evidence) => {
    const o = one(check, imageFacts(over), context());
    expect(o.status).toBe('fail');
    expect(text(o).split('\n')).toEqual(evidence);
  });

  it.each([
    ['nginx', imageFacts()],
    ['API 1.41 image', imageFromApi(inspectV141(), [], 1)],
    ['npm start', imageFacts({ cmd: ['npm', 'start'], entrypoint: [] })],
  ])('passes for %s', (_name, img) => {
    expect(one(check, img, context()).status).toBe('pass');
  });
});
