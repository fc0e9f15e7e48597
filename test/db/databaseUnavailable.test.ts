import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { openDatabase } from "@/lib/server/db/openDatabase";
import { oauthEndpoint } from "@/lib/server/http/oauthEndpoint";
import { freePort } from "../../bench/lib/freePort";

// The shapes Prisma 7 with @prisma/adapter-pg gave during `npm run soak`'s PostgreSQL restarts,
// built with the same classes: a PrismaClientKnownRequestError (P2039 or P1017) keeping the
// adapter's error in meta.driverAdapterError, whose cause is the mapped driver error.
const prismaError = (message: string, code: string, adapterPayload: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: "7.10.1", meta: { modelName: "Org", driverAdapterError: new DriverAdapterError(adapterPayload as never) } });

const unavailable: [string, unknown][] = [
  ["57P03 shutting down", prismaError("Database error. Code: `57P03`. Message: `the database system is shutting down`", "P2039", { kind: "postgres", code: "57P03", severity: "FATAL", message: "the database system is shutting down" })],
  ["57P03 starting up", prismaError("Database error. Code: `57P03`. Message: `the database system is starting up`", "P2039", { kind: "postgres", code: "57P03", severity: "FATAL", message: "the database system is starting up" })],
  ["57P01 admin shutdown", prismaError("Database error. Code: `57P01`. Message: `terminating connection due to administrator command`", "P2039", { kind: "postgres", code: "57P01", severity: "FATAL", message: "terminating connection due to administrator command" })],
  ["P1017 connection closed", prismaError("Server has closed the connection.", "P1017", { kind: "ConnectionClosed" })],
  ["adapter DatabaseNotReachable", prismaError("Invalid `prisma.org.findUnique()` invocation", "P2039", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 })],
  ["adapter TooManyConnections", prismaError("Too many database connections opened", "P2037", { kind: "TooManyConnections", cause: "sorry, too many clients already" })],
  ["pg client after a connection error", new Error("Client has encountered a connection error and is not queryable")],
  ["a socket error along the cause chain", new Error("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }) })],
];

const bugs: [string, unknown][] = [
  ["a unique constraint violation", prismaError("Unique constraint failed on the fields: (`slug`)", "P2002", { kind: "UniqueConstraintViolation", constraint: { fields: ["slug"] } })],
  ["a missing column", prismaError("The column `x` does not exist", "P2022", { kind: "ColumnNotFound", column: "x" })],
  ["a programming error", new TypeError("Cannot read properties of undefined (reading 'id')")],
  ["a thrown string", "boom"],
];

const endpointThrowing = (error: unknown) =>
  oauthEndpoint(async () => {
    throw error;
  })(new Request("http://127.0.0.1/orgs/acme/api/v1/oauth/token", { method: "POST" }), {});

describe("the database being unreachable is a 503 with Retry-After, never a 500", () => {
  it.each(unavailable)("%s", async (_name, error) => {
    const response = await endpointThrowing(error);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toEqual({ error: "temporarily_unavailable", error_description: "The service is briefly unavailable; retry in a few seconds." });
  });

  it("a real pool pointed at a port nobody listens on", async () => {
    const db = await openDatabase({ databaseUrl: `postgresql://postgres@127.0.0.1:${await freePort()}/postgres`, dataDir: "memory" });
    try {
      const error = await db.prisma.org.findFirst().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).not.toBeNull();
      expect((await endpointThrowing(error)).status).toBe(503);
    } finally {
      await db.close();
    }
  });

  it.each(bugs)("but %s stays a 500 server_error", async (_name, error) => {
    const response = await endpointThrowing(error);
    expect(response.status).toBe(500);
    expect((await response.json()).error).toBe("server_error");
  });
});
