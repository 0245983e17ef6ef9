import type { AnyCheck } from '../../core/model.js';
import apkCacheLeft from './apk-cache-left.js';
import aptInteractiveCli from './apt-interactive-cli.js';
import aptListsLeft from './apt-lists-left.js';
import aptRecommends from './apt-recommends.js';
import buildToolsShipped from './build-tools-shipped.js';
import curlAndWget from './curl-and-wget.js';
import languagePackagesUnpinned from './language-packages-unpinned.js';
import networkToolsShipped from './network-tools-shipped.js';
import osPackagesUnpinned from './os-packages-unpinned.js';
import packageInstallPrompt from './package-install-prompt.js';
import packageUpdateAlone from './package-update-alone.js';
import pipCacheLeft from './pip-cache-left.js';
import rpmCacheLeft from './rpm-cache-left.js';
import systemUpgrade from './system-upgrade.js';

/** Rules of group c (see index.ts): package managers — index updates, prompts, pins, caches, shipped tools. */
export const group: readonly AnyCheck[] = [
  packageUpdateAlone,
  packageInstallPrompt,
  osPackagesUnpinned,
  languagePackagesUnpinned,
  aptListsLeft,
  apkCacheLeft,
  rpmCacheLeft,
  pipCacheLeft,
  curlAndWget,
  aptRecommends,
  aptInteractiveCli,
  systemUpgrade,
  buildToolsShipped,
  networkToolsShipped,
];
