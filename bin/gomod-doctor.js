#!/usr/bin/env node
// Thin launcher: the real program is the bundle in dist/. The compile cache (Node 22.1+)
// makes repeated cold starts cheaper; older Nodes simply skip it.
import module from 'node:module';

module.enableCompileCache?.();
await import('../dist/cli.js');
