#!/usr/bin/env node
// The launcher as CommonJS: with it, a cold start never initializes Node's ES module loader,
// which is measurably faster than bin/gomod-doctor.cjs (see scripts/build.mjs).
// The compile cache (Node 22.1+) makes repeated cold starts cheaper; older Nodes simply skip it.
const { enableCompileCache } = require('node:module');

enableCompileCache?.();
require('../dist/cli/cli.cjs');
