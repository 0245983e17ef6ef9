#!/usr/bin/env node
import '../dist/shells/cli/bin.js';
