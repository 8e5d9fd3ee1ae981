// Replaced at build time by esbuild (see scripts/build.mjs); the fallback serves runs from source.
declare const __GOMOD_DOCTOR_VERSION__: string | undefined;

export const VERSION: string =
  typeof __GOMOD_DOCTOR_VERSION__ === 'string' ? __GOMOD_DOCTOR_VERSION__ : '0.0.0-dev';
