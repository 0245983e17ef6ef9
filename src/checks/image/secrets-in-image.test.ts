import { describe, expect, it } from 'vitest';
import {
  buildkit,
  classic,
  imageFacts,
  inspectV141,
  inspectV150,
  one,
  steps,
  text,
} from '../../../test/kit/image.js';
import { context } from '../../../test/kit/snapshot.js';
import { imageFromApi } from '../../collectors/adapters/image.js';
import check from './secrets-in-image.js';

const SECRET_VALUES = /hunter2|s3cr3t|npm_AbC123|sk_live_9f8e|tok_77/;

describe('BH-IMG-006 secrets-in-image', () => {
  it.each([
    [
      'password in Config.Env',
      { env: ['PATH=/usr/bin', 'MYSQL_ROOT_PASSWORD=hunter2'] },
      ['Config.Env sets MYSQL_ROOT_PASSWORD (value not shown)'],
    ],
    [
      'ENV unset later but still in history (classic)',
      {
        env: ['DB_PASSWORD='],
        history: steps(classic('ENV DB_PASSWORD=s3cr3t'), classic('ENV DB_PASSWORD=')),
      },
      ['history step 1 (ENV) sets DB_PASSWORD'],
    ],
    [
      'build arg recorded with a BuildKit RUN',
      { history: steps('RUN |2 NPM_TOKEN=npm_AbC123 NODE_ENV=production /bin/sh -c npm ci # buildkit') },
      ['history step 1 (RUN) was given build arg NPM_TOKEN'],
    ],
    [
      'build arg recorded with a classic RUN and ARG default',
      {
        history: steps(
          classic('ARG STRIPE_KEY=sk_live_9f8e'),
          '|1 STRIPE_KEY=sk_live_9f8e /bin/sh -c ./configure',
        ),
      },
      ['history step 1 (ARG) sets STRIPE_KEY', 'history step 2 (RUN) was given build arg STRIPE_KEY'],
    ],
    [
      'inline assignment and --password option in RUN',
      {
        history: steps(
          buildkit('RUN export API_TOKEN=tok_77 && mysql --password=hunter2 -e "select 1" && echo done'),
        ),
      },
      [
        'history step 1 (RUN) assigns API_TOKEN on the command line',
        'history step 1 (RUN) passes --password with a literal value',
      ],
    ],
    [
      'URL with embedded password',
      { history: steps(buildkit('RUN curl -fsSLo /tmp/a https://deploy:s3cr3t@artifacts.example.com/a')) },
      ['history step 1 (RUN) uses a URL with an embedded password for artifacts.example.com'],
    ],
  ])('fails for %s, naming the variable but not the value', (_name, over, evidence) => {
    const o = one(check, imageFacts(over), context());
    expect(o.status).toBe('fail');
    expect(text(o).split('\n')).toEqual(evidence);
    expect(text(o)).not.toMatch(SECRET_VALUES);
  });

  it.each([
    [
      'official python image GPG key',
      { env: ['GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D', 'PYTHON_VERSION=3.12.7'] },
    ],
    [
      'secret file paths',
      { env: ['POSTGRES_PASSWORD_FILE=/run/secrets/pg', 'MYSQL_PASSWORD=/run/secrets/mysql'] },
    ],
    [
      'empty and boolean values',
      { env: ['REDIS_PASSWORD=', 'REQUIRE_TOKEN=true', 'TOKENIZERS_PARALLELISM=false'] },
    ],
    [
      'references to build args',
      { history: steps(buildkit('RUN npm config set //registry.npmjs.org/:_authToken=$NPM_TOKEN')) },
    ],
    [
      'secret mounts and password-stdin',
      {
        history: steps(
          buildkit('RUN --mount=type=secret,id=npm npm ci'),
          buildkit('RUN echo x | docker login --password-stdin reg'),
        ),
      },
    ],
    ['ARG without a default', { history: steps(buildkit('ARG NPM_TOKEN')) }],
  ])('passes for %s', (_name, over) => {
    expect(one(check, imageFacts(over), context()).status).toBe('pass');
  });

  it('reads env from both engine generations', () => {
    const old = inspectV141({ config: { Env: ['PATH=/bin', 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI'] } });
    const o = one(check, imageFromApi(old, [], 1), context());
    expect(text(o)).toBe('Config.Env sets AWS_SECRET_ACCESS_KEY (value not shown)');
    expect(one(check, imageFromApi(inspectV150(), [], 1), context()).status).toBe('pass');
  });
});
