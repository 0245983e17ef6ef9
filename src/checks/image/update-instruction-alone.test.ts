import { describe, expect, it } from 'vitest';
import {
  apiHistory,
  buildkit,
  classic,
  imageFacts,
  inspectV141,
  one,
  steps,
  text,
} from '../../../test/kit/image.js';
import { context } from '../../../test/kit/snapshot.js';
import { imageFromApi } from '../../collectors/adapters/image.js';
import check from './update-instruction-alone.js';

describe('BH-IMG-003 update-instruction-alone', () => {
  it.each([
    [
      'classic apt-get update alone',
      steps(classic('RUN apt-get update'), classic('RUN apt-get install -y curl')),
      'history step 1: RUN apt-get update with no install in the same RUN',
    ],
    [
      'BuildKit apk update alone',
      steps(buildkit('RUN apk update'), buildkit('RUN apk add curl')),
      'history step 1: RUN apk update with no install in the same RUN',
    ],
    [
      'yum makecache alone after other steps',
      steps(buildkit('WORKDIR /app'), buildkit('RUN yum makecache && echo done')),
      'history step 2: RUN yum makecache with no install in the same RUN',
    ],
    [
      'update with build args and quiet flags',
      steps('|1 HTTP_PROXY=http://proxy:3128 /bin/sh -c apt-get -qq update'),
      'history step 1: RUN apt-get -qq update with no install in the same RUN',
    ],
  ])('fails for %s', (_name, history, evidence) => {
    const o = one(check, imageFacts({ history }), context());
    expect(o.status).toBe('fail');
    expect(text(o)).toBe(evidence);
  });

  it.each([
    ['update and install together', steps(classic('RUN apt-get update && apt-get install -y nginx'))],
    ['apk add --no-cache', steps(buildkit('RUN apk add --no-cache curl'))],
    ['yum update (upgrades packages)', steps(buildkit('RUN yum -y update && yum clean all'))],
    ['no package manager', steps(buildkit('COPY . /app'), buildkit('RUN npm ci'))],
  ])('passes for %s', (_name, history) => {
    expect(one(check, imageFacts({ history }), context()).status).toBe('pass');
  });

  it('is unknown without history', () => {
    expect(one(check, imageFacts({ history: [] }), context()).status).toBe('unknown');
  });

  it('reads API history (newest first) through the adapter', () => {
    const history = apiHistory([classic('RUN apt-get update'), classic('RUN apt-get install -y curl')]);
    const o = one(check, imageFromApi(inspectV141(), history, 1), context());
    expect(text(o)).toContain('history step 1: RUN apt-get update');
  });
});
