#!/usr/bin/env node
// The CLI is one esbuild bundle of src/shells/cli/bin.ts (dependencies stay external): loading one module
// instead of ~300 saves about 150 ms of start-up on every run (see BENCHMARKS.md).
import '../dist/bulkhead.mjs';
