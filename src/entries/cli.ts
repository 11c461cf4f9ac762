#!/usr/bin/env node
import { runCli } from '../cli.js';

const code = await runCli(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  env: process.env,
});
process.exitCode = code;
// Flush stdout before leaving (reports may be large); keep-alive sockets must not hold us.
process.stdout.write('', () => process.exit(code));
