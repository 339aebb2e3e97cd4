#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx: no build step between `npm install` and `npm start`.
require("tsx/cjs")
require("../src/index.ts")
