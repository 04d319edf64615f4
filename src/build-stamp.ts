declare const LLMFIT_SOURCE_STAMP: string | undefined;

/**
 * The bundle's source stamp (scripts/bundle.mjs: a hash of every source file and the build-made
 * tables), or undefined in the modules tsc emits for the tests and the rplugin door. Files this
 * build wrote carry it; a file without it, or with another, is from other code.
 */
export const BUILD_STAMP: string | undefined = typeof LLMFIT_SOURCE_STAMP === "undefined" ? undefined : LLMFIT_SOURCE_STAMP;
