// How long Copydesk holds the extension host's thread: every synchronous section of Copydesk's own work in the host
// (receiving a result, building diagnostics and decorations, the status bar, the Sources view, hovers) runs inside
// `hostTime.section`, which records its duration. The longest one is the stall that Copydesk causes, whatever else
// the machine is doing (a timer probe also counts other extensions, VS Code itself and a busy CPU). The integration
// test of a 100,000-word document reads it through the extension's API and prints it.
export interface SectionStats { count: number; totalMs: number; maxMs: number; /** CPU time of the host's thread in the longest one, when Node can tell. */ maxCpuMs?: number }

export interface HostTimeReport {
  /** The longest synchronous section (outermost sections only: nested ones are part of their parent). */
  longest: { label: string; ms: number; cpuMs?: number };
  /**
   * The section that used the most CPU time of the host's thread (when Node can tell): on a busy machine the clock
   * also runs while the thread waits for a core, the CPU time does not.
   */
  longestCpu?: { label: string; cpuMs: number };
  /** Per label, nested sections included. */
  sections: Record<string, SectionStats>;
}

// CPU time of this thread (Node 23.9+): unlike the clock it does not run while the OS has the thread waiting for a core.
const threadCpu = (globalThis as { process?: { threadCpuUsage?: () => { user: number; system: number } } }).process?.threadCpuUsage;
const cpuNow: (() => number) | undefined = typeof threadCpu === 'function'
  ? () => { const u = threadCpu.call((globalThis as unknown as { process: unknown }).process); return (u.user + u.system) / 1000; } : undefined;
const now: () => number = typeof performance === 'object' && typeof performance.now === 'function' ? () => performance.now() : () => Date.now();

class HostTime {
  private depth = 0;
  private longest: { label: string; ms: number; cpuMs?: number } = { label: '', ms: 0 };
  private longestCpu: { label: string; cpuMs: number } | undefined;
  private stats = new Map<string, SectionStats>();

  /** Runs `fn` (synchronous) and records how long it held the thread. */
  section<T>(label: string, fn: () => T): T {
    const start = now();
    const cpuStart = cpuNow?.();
    this.depth++;
    try {
      return fn();
    } finally {
      this.depth--;
      this.record(label, now() - start, this.depth === 0, cpuStart === undefined ? undefined : cpuNow!() - cpuStart);
    }
  }

  /** Records a section measured elsewhere (e.g. a message's arrival). */
  record(label: string, ms: number, outermost = true, cpuMs?: number): void {
    let s = this.stats.get(label);
    if (!s) { s = { count: 0, totalMs: 0, maxMs: 0 }; this.stats.set(label, s); }
    s.count++;
    s.totalMs += ms;
    if (ms > s.maxMs) { s.maxMs = ms; s.maxCpuMs = cpuMs; }
    if (outermost && ms > this.longest.ms) { this.longest = { label, ms, cpuMs }; }
    if (outermost && cpuMs !== undefined && cpuMs > (this.longestCpu?.cpuMs ?? -1)) { this.longestCpu = { label, cpuMs }; }
  }

  report(): HostTimeReport {
    const sections: Record<string, SectionStats> = {};
    for (const [label, s] of [...this.stats].sort((a, b) => b[1].maxMs - a[1].maxMs)) {
      sections[label] = { count: s.count, totalMs: round(s.totalMs), maxMs: round(s.maxMs), ...(s.maxCpuMs === undefined ? {} : { maxCpuMs: round(s.maxCpuMs) }) };
    }
    const { label, ms, cpuMs } = this.longest;
    const c = this.longestCpu;
    return { longest: { label, ms: round(ms), ...(cpuMs === undefined ? {} : { cpuMs: round(cpuMs) }) }, ...(c ? { longestCpu: { label: c.label, cpuMs: round(c.cpuMs) } } : {}), sections };
  }

  reset(): void { this.longest = { label: '', ms: 0 }; this.longestCpu = undefined; this.stats.clear(); }
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

/** One per extension host. */
export const hostTime = new HostTime();
