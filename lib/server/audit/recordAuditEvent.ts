import type { PrismaClient } from "@/generated/prisma/client";
import { CLIENT_ADDRESS_HEADER } from "../ratelimit/clientAddressHeader";
import { AuditWriter } from "./AuditWriter";

export interface AuditEventInput {
  orgId: string | null;
  /** Dotted kind: `client.registered`, `consent.granted`, `token.issued`, `token.refused`, ... */
  kind: string;
  actor: { type: "user" | "client" | "system"; id?: string | null; label?: string | null };
  clientId?: string | null;
  serverId?: string | null;
  target?: { type: string; id: string };
  request?: Request;
  details?: Record<string, unknown>;
}

/**
 * Appends to the audit log, before the caller goes on; concurrent events share one INSERT
 * (AuditWriter). Inside a transaction, pass the transaction client: the event then commits or
 * rolls back with the rest. A failure to write it is logged and swallowed: the audit trail must
 * not turn a successful protocol step into an error for the client.
 */
export async function recordAuditEvent(prisma: Pick<PrismaClient, "$executeRawUnsafe">, event: AuditEventInput): Promise<void> {
  await AuditWriter.for(prisma).write({
    orgId: event.orgId,
    at: new Date(),
    kind: event.kind,
    actorType: event.actor.type,
    actorId: event.actor.id ?? null,
    actorLabel: event.actor.label ?? null,
    clientId: event.clientId ?? null,
    serverId: event.serverId ?? null,
    targetType: event.target?.type ?? null,
    targetId: event.target?.id ?? null,
    ip: event.request ? clientAddress(event.request) : null,
    userAgent: event.request?.headers.get("user-agent")?.slice(0, 300) ?? null,
    details: (event.details ?? {}) as object,
  });
}

/**
 * The address the front door read from the socket (stampClientAddress). X-Forwarded-For and
 * X-Real-IP are written by the client unless a trusted proxy overwrote them, so they are only a
 * fallback for requests that did not come through the front door (`next dev`).
 */
function clientAddress(request: Request): string | null {
  const stamped = request.headers.get(CLIENT_ADDRESS_HEADER);
  if (stamped) return stamped.slice(0, 64);
  const forwarded = request.headers.get("x-forwarded-for");
  return (forwarded ? forwarded.split(",")[0]!.trim() : request.headers.get("x-real-ip"))?.slice(0, 64) ?? null;
}
