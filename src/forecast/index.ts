/**
 * forecast: see the files in this folder.
 * @module
 */
export {};
