// Runs a CGI program (git http-backend) and relays its binary standard output as base64 lines.
// The project's process module (src/exec/run.ts) decodes output as UTF-8, which would corrupt
// pack data; this relay is started through it, so the program below still lives in run()'s
// process group and is ended with it. Usage: node cgi-relay.mjs COMMAND ARGS...
import { spawn } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write('usage: cgi-relay.mjs COMMAND ARGS...\n');
  process.exit(2);
}
const child = spawn(command, args, { stdio: ['inherit', 'pipe', 'inherit'] });
child.stdout.on('data', (chunk) => process.stdout.write(`${chunk.toString('base64')}\n`));
child.on('error', (error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(127);
});
child.on('close', (code) => process.exit(code ?? 1));
