// One contender process of the benchmark: started with its command, sent lines on stdin ("run SECONDS",
// "finish"), waited on for the line it answers with (lib/timing.mjs's protocol). A process that dies or
// stays silent past its budget rejects the wait with what it printed last.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

// One contender process: send it lines, wait for the line it answers with.
export class Contender {
  constructor(name, [file, args]) {
    this.name = name;
    this.child = spawn(file, args, { cwd: here('..'), stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.waiter = null;
    this.exited = null;
    this.child.stderr.on('data', (d) => { this.stderr = (this.stderr + d).slice(-4000); });
    this.child.stdin.on('error', () => {});  // a contender that died is reported by waitFor
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      if (this.waiter && line.startsWith(this.waiter.prefix)) this.waiter.resolve(line.slice(this.waiter.prefix.length));
    });
    this.child.on('error', (e) => this.fail(e.message));
    this.child.on('close', (code, signal) => {
      this.exited = `exit ${code ?? signal}`;
      this.fail(`${this.exited}: ${this.stderr.trim().split('\n').slice(-3).join(' | ') || 'no message'}`);
    });
  }
  fail(message) {
    if (this.waiter) this.waiter.reject(new Error(message));
  }
  waitFor(prefix, timeoutSeconds) {
    if (this.exited) return Promise.reject(new Error(`${this.exited}: ${this.stderr.trim().split('\n').slice(-3).join(' | ')}`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.child.kill('SIGKILL'); reject(new Error(`no answer in ${timeoutSeconds} s (killed)`)); }, timeoutSeconds * 1000);
      const done = (f) => (x) => { clearTimeout(timer); this.waiter = null; f(x); };
      this.waiter = { prefix, resolve: done(resolve), reject: done(reject) };
    });
  }
  send(line) {
    this.child.stdin.write(line + '\n');
  }
  kill() {
    if (!this.exited) this.child.kill('SIGKILL');
  }
}

