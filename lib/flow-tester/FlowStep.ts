/** One HTTP request of the flow and its answer, as the flow tester shows them (secrets redacted). */
export interface FlowExchange {
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  /** Absent while waiting, or when no answer came (network error, refused by the browser). */
  response?: { status: number | null; headers: Record<string, string>; body?: string };
  /** What this exchange is, when the method and URL do not say it (e.g. "opened in a popup"). */
  note?: string;
}

export type FlowStepId = "challenge" | "resource-metadata" | "authorization-server-metadata" | "registration" | "authorization" | "token" | "initialize" | "initialized" | "tools-list" | "cleanup";

export type FlowStepStatus = "pending" | "running" | "passed" | "failed" | "skipped";

export interface FlowStep {
  id: FlowStepId;
  title: string;
  status: FlowStepStatus;
  /** One line: what was found (passed), or why it failed. */
  summary?: string;
  /** Failed: what an MCP client would do next. Skipped: why it did not run. */
  next?: string;
  exchanges: FlowExchange[];
}
