/** Config files: finding, loading, validating and merging with CLI flags. */
export {
  CONFIG_NAMES,
  defineConfig,
  findConfig,
  type LoadedConfig,
  loadConfig,
  mergeConfig,
  type RunSettings,
  splitConfig,
} from './load.js';
export {
  CONFIG_KEYS,
  ConfigError,
  type CopydeskConfig,
  parseSize,
  SITE_KEYS,
  validateConfig,
} from './validate.js';
