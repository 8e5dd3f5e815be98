import { performance } from 'node:perf_hooks';

export interface Blocking<T> {
  value: T;
  /** The longest time between two turns of the event loop, wall clock: what another window waited at most. */
  longestMs: number;
  /**
   * The most CPU time the main thread spent between two turns: the part of the longest block that is this
   * process's own synchronous work. On a busy machine the wall-clock figure also holds the time the operating
   * system gave the CPU to others; this one does not.
   */
  longestCpuMs: number;
}

function threadCpuMs(): number {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
}

/**
 * How long the event loop was blocked at most while `work` ran, in milliseconds: a 1 ms timer notes the time and
 * the main thread's CPU time at every turn; the longest gap between two turns is the longest block.
 */
export async function longestBlock<T>(work: () => Promise<T>): Promise<Blocking<T>> {
  let lastWall = performance.now();
  let lastCpu = threadCpuMs();
  let longestMs = 0;
  let longestCpuMs = 0;
  const tick = () => {
    const wall = performance.now();
    const cpu = threadCpuMs();
    longestMs = Math.max(longestMs, wall - lastWall);
    longestCpuMs = Math.max(longestCpuMs, cpu - lastCpu);
    lastWall = wall;
    lastCpu = cpu;
  };
  const timer = setInterval(tick, 1);
  try {
    const value = await work();
    // One more turn, so a block at the very end is seen too.
    await new Promise((resolve) => setTimeout(resolve, 2));
    tick();
    return { value, longestMs, longestCpuMs };
  } finally {
    clearInterval(timer);
  }
}
