#!/usr/bin/env node
// gatewhy-explain: explains raw HTTP responses (curl -si output) and HAR files. Source: cli/explain.ts.
import { main } from '../dist/cli.mjs';

await main();
