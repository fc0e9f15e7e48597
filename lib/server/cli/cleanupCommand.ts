import { getDatabase } from "../db/getDatabase";
import { cleanupExpiredRows } from "../maintenance/cleanupExpiredRows";
import type { CliCommand } from "./CliCommand";
import { CliUsageError } from "./CliUsageError";

export const cleanupCommand: CliCommand = {
  name: "cleanup",
  summary: "Delete expired codes, tokens, invitations and rate-limit counters, and clients never used",
  usage: "gatehouse cleanup [--unused-client-days <days>] [--json]",
  options: { "unused-client-days": { type: "string" }, json: { type: "boolean" } },
  async run(values, io) {
    const days = values["unused-client-days"];
    if (days !== undefined && !/^\d{1,4}$/.test(String(days))) throw new CliUsageError("--unused-client-days must be a whole number of days");
    const db = await getDatabase();
    const report = await db.withSession((sql) =>
      cleanupExpiredRows(sql, days === undefined ? {} : { policy: { unusedClientAgeSec: Number(days) * 86400 } }),
    );
    if (values.json) {
      io.out(JSON.stringify(report));
    } else if (!report.ran) {
      io.out("Another Gatehouse instance is cleaning up right now; nothing done.");
    } else {
      const d = report.deleted;
      io.out(
        `Deleted ${d.authorizationCodes} authorization codes, ${d.refreshTokens} refresh tokens, ${d.revokedAccessTokens} access-token revocations, ` +
          `${d.rateLimitBuckets} rate-limit counters, ${d.invites} expired invitations and ${d.unusedClients} clients never used.`,
      );
    }
  },
};
