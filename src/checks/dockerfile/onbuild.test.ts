import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './onbuild.js';

describe('BH-DKF-019 onbuild', () => {
  it('reports every ONBUILD trigger at its line', () => {
    const text = dockerfile`
      FROM node:22 AS base
      ONBUILD COPY . /app
      onbuild RUN npm ci \\
          --omit=dev
      FROM base
    `;
    expect(failures(check, text)).toEqual([
      '2:1 hidden build step for child images: ONBUILD COPY . /app',
      '3:1 hidden build step for child images: ONBUILD RUN npm ci     --omit=dev',
    ]);
  });

  it.each([
    ['none', 'FROM node:22\nCOPY . /app\n'],
    ['the word in a RUN', 'FROM node:22\nRUN echo ONBUILD\n'],
  ])('passes: %s', (_name, text) => {
    expect(statuses(check, text)).toEqual(['pass']);
  });
});
