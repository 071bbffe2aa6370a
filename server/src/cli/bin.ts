import { run } from './main';

try {
  process.exitCode = run(process.argv.slice(2), {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    cwd: process.cwd(),
    env: process.env,
  });
} catch (error) {
  // A failure outside any one file's check: one line and exit status 2, never a stack trace that reads as "errors found".
  process.stderr.write(`csp-partners: ${(error instanceof Error ? `${error.name}: ${error.message}` : String(error)).split('\n')[0]}\n`);
  process.exitCode = 2;
}
