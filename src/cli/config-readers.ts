/** The config readers and zod, as one module object. */
export type ConfigReaders = typeof import("./config-readers-impl.js");

/**
 * Imports the config readers on first use: zod and the schemas cost about 50 ms of start-up,
 * which `wfm erlang` and `wfm --version` do not need.
 */
export function loadConfigReaders(): Promise<ConfigReaders> {
  return import("./config-readers-impl.js");
}
