import { describe, expect, it } from 'vitest';
import { failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './workdir-path.js';

describe('BH-DKF-014 workdir-path', () => {
  it.each([
    [
      'relative',
      'FROM node:22\nWORKDIR app\n',
      ['2:1 relative WORKDIR without an earlier absolute one: WORKDIR app'],
    ],
    [
      'relative only once per chain',
      'FROM node:22\nWORKDIR app\nWORKDIR src\n',
      ['2:1 relative WORKDIR without an earlier absolute one: WORKDIR app'],
    ],
    ['root', 'FROM debian:12\nWORKDIR /\nCOPY . .\n', ['2:1 WORKDIR is a system directory: /']],
    [
      '/usr/bin with trailing slash',
      'FROM debian:12\nWORKDIR /usr/bin/\n',
      ['2:1 WORKDIR is a system directory: /usr/bin (WORKDIR /usr/bin/)'],
    ],
    [
      'relative that resolves to /etc',
      'FROM debian:12\nWORKDIR /opt\nWORKDIR ../etc\n',
      ['3:1 WORKDIR is a system directory: /etc (WORKDIR ../etc)'],
    ],
    [
      'through an ARG',
      'FROM debian:12\nARG DIR=/proc\nWORKDIR $DIR\n',
      ['3:1 WORKDIR is a system directory: /proc (WORKDIR $DIR)'],
    ],
    [
      'every stage',
      'FROM golang:1.22 AS build\nWORKDIR src\nFROM scratch\nWORKDIR /dev\n',
      [
        '2:1 relative WORKDIR without an earlier absolute one: WORKDIR src',
        '4:1 WORKDIR is a system directory: /dev',
      ],
    ],
  ])('fails: %s', (_name, text, expected) => {
    expect(failures(check, text)).toEqual(expected);
  });

  it.each([
    ['absolute', 'FROM node:22\nWORKDIR /app\n'],
    ['relative after absolute', 'FROM node:22\nWORKDIR /app\nWORKDIR src\n'],
    [
      "relative after the base stage's absolute",
      'FROM node:22 AS base\nWORKDIR /app\nFROM base\nWORKDIR web\n',
    ],
    ['quoted', 'FROM node:22\nWORKDIR "/srv/my app"\n'],
    ['variable from the base image', 'FROM node:22\nWORKDIR $HOME\nWORKDIR app\n'],
    ['windows', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\\\app\n'],
    ['/usr/local/bin is an application place, /usr/src too', 'FROM debian:12\nWORKDIR /usr/src/app\n'],
  ])('passes: %s', (_name, text) => {
    expect(statuses(check, text)).toEqual(['pass']);
  });
});
