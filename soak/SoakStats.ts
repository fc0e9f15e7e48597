/** One fault the soak injected, and how long it kept a part of the system away. */
export interface FaultRecord {
  what: string;
  startedAt: number;
  /** How long the fault itself lasted (pg_ctl, or from SIGKILL to the instance ready again), ms. */
  durationMs: number;
}

/**
 * What the soak observed, for the summary and the invariants: every answer by step and status,
 * every failure to get one by kind, the slowest answer, and the faults. Times are ms since the
 * run began.
 */
export class SoakStats {
  readonly startedAt = performance.now();
  /** step → status → count. */
  readonly statuses = new Map<string, Map<number, number>>();
  /** kind → count: connection refused, reset, timeout, 5xx other than 503, unexpected answers. */
  readonly errors = new Map<string, number>();
  /** Examples of errors, at most a few per kind, for the report. */
  readonly examples = new Map<string, string[]>();
  readonly faults: FaultRecord[] = [];
  slowestMs = 0;
  slowestStep = "";
  missingRetryAfter = 0;

  now(): number {
    return performance.now() - this.startedAt;
  }

  answered(step: string, status: number, ms: number): void {
    const byStatus = this.statuses.get(step) ?? new Map<number, number>();
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    this.statuses.set(step, byStatus);
    if (ms > this.slowestMs) {
      this.slowestMs = ms;
      this.slowestStep = step;
    }
  }

  failed(kind: string, example: string): void {
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
    const list = this.examples.get(kind) ?? [];
    if (list.length < 3) list.push(example.slice(0, 300));
    this.examples.set(kind, list);
  }

  fault(what: string, startedAt: number, durationMs: number): void {
    this.faults.push({ what, startedAt, durationMs });
  }

  /** Answers with `status`, over every step. */
  count(predicate: (status: number) => boolean): number {
    let n = 0;
    for (const byStatus of this.statuses.values()) for (const [status, c] of byStatus) if (predicate(status)) n += c;
    return n;
  }
}
