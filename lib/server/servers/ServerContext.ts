import type { PrismaClient } from "@/generated/prisma/client";
import type { AuditEventInput } from "../audit/recordAuditEvent";

/** What the server use cases read with. */
export interface ServerReadContext {
  prisma: PrismaClient;
  /** PUBLIC_URL: gateway identifiers and discovery URLs derive from it. */
  publicUrl: string;
}

/** What they write with: who acts (for the audit log) and the key that encrypts upstream credentials. */
export interface ServerWriteContext extends ServerReadContext {
  secretKey: string;
  actor: AuditEventInput["actor"];
  /** The HTTP request, when there is one (audit: address, user agent). */
  request?: Request;
}
