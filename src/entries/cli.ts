#!/usr/bin/env node
import { runCli } from '../cli/main.js';
import { processIo } from '../platform/process/io.js';

const code = await runCli(process.argv.slice(2), processIo());
process.exitCode = code;
// Flush stdout before leaving (reports may be large); keep-alive sockets must not hold us.
process.stdout.write('', () => process.exit(code));
