// How busy the rest of the machine was while a contender ran: CPU seconds the whole machine spent
// (/proc/stat, steal included) minus what this process and its finished children spent (/proc/self/stat
// utime + stime + cutime + cstime), per wall second. On this 2-core machine a value near 1 means another
// program held a whole core: that run's numbers (and its ratios) are suspect. Linux only; elsewhere null.
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;  // USER_HZ, 100 on every Linux ABI node runs on

function read() {
  try {
    const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const self = readFileSync('/proc/self/stat', 'utf8');
    const fields = self.slice(self.lastIndexOf(')') + 2).split(' ').map(Number);  // fields[0] is field 3 (state)
    const [utime, stime, cutime, cstime] = fields.slice(11, 15);
    return {
      wall: performance.now() / 1000,
      machine: (user + nice + system + irq + softirq + (steal || 0)) / TICKS_PER_SECOND,
      ours: (utime + stime + cutime + cstime) / TICKS_PER_SECOND,
    };
  } catch {
    return null;
  }
}

export function cpuSnapshot() {
  return read();
}

// Cores' worth of CPU used by everything else between two snapshots (the child must have exited).
export function otherCores(before, after) {
  if (!before || !after) return null;
  const wall = after.wall - before.wall;
  if (wall <= 0) return null;
  return Math.max(0, (after.machine - before.machine - (after.ours - before.ours)) / wall);
}
