import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export interface DocumentServer {
  origin: string;
  /** The server's self-signed certificate, to trust it. */
  ca: string;
  close(): Promise<void>;
}

/** An HTTPS server on 127.0.0.1 with a fresh self-signed certificate, answering with `handler`. */
export async function startDocumentServer(handler: (req: IncomingMessage, res: ServerResponse, origin: string) => void): Promise<DocumentServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "gh-cimd-"));
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
    "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem"), "-days", "1",
    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
  ], { stdio: "ignore" });
  const ca = readFileSync(path.join(dir, "cert.pem"), "utf8");
  let origin = "";
  const server = createServer({ key: readFileSync(path.join(dir, "key.pem")), cert: ca }, (req, res) => handler(req, res, origin));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    ca,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
