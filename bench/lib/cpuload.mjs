// How busy the rest of the machine was while a contender ran a timed slice: CPU seconds the whole machine
// spent (/proc/stat, steal included) minus what this process and the contender spent (/proc/PID/stat
// utime + stime), per wall second. On this 2-core machine a value near 1 means another program held a
// whole core: that slice's numbers are suspect. Linux only; elsewhere null.
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;  // USER_HZ, 100 on every Linux ABI node runs on

function processSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);  // fields[0] is field 3 (state)
  return (fields[11] + fields[12]) / TICKS_PER_SECOND;  // utime, stime
}

export function cpuSnapshot(pid) {
  try {
    const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return {
      wall: performance.now() / 1000,
      machine: (user + nice + system + irq + softirq + (steal || 0)) / TICKS_PER_SECOND,
      ours: processSeconds('self') + processSeconds(pid),
    };
  } catch {
    return null;
  }
}

// Cores' worth of CPU used by everything else between two snapshots of the same contender.
export function otherCores(before, after) {
  if (!before || !after) return null;
  const wall = after.wall - before.wall;
  if (wall <= 0) return null;
  return Math.max(0, (after.machine - before.machine - (after.ours - before.ours)) / wall);
}
