import type { ClientRecord, ResourceRecord, ResourceStore } from "../ports";

export const ORG_ID = "org-1";
export const ISSUER = "https://gatehouse.example/orgs/acme";
export const DEMO_RESOURCE = "https://gatehouse.example/mcp/acme/demo";
export const OTHER_RESOURCE = "https://tools.example/mcp";

export const demoResource: ResourceRecord = {
  serverId: "srv-demo",
  resource: DEMO_RESOURCE,
  scopes: [
    { name: "mcp:tools", isDefault: true },
    { name: "mcp:admin", isDefault: false },
  ],
};

export const otherResource: ResourceRecord = {
  serverId: "srv-other",
  resource: OTHER_RESOURCE,
  scopes: [{ name: "files:read", isDefault: false }],
};

export function resourceStore(resources: ResourceRecord[] = [demoResource, otherResource], defaultResource: ResourceRecord | null = demoResource): ResourceStore {
  return {
    findByResource: async (orgId, resource) => (orgId === ORG_ID ? (resources.find((r) => r.resource === resource) ?? null) : null),
    findDefault: async (orgId) => (orgId === ORG_ID ? defaultResource : null),
  };
}

export function publicClient(overrides: Partial<ClientRecord> = {}): ClientRecord {
  return {
    id: "row-public",
    orgId: ORG_ID,
    clientId: "client-public",
    source: "dcr",
    name: "Claude Code",
    secretHash: null,
    secretExpiresAt: null,
    tokenEndpointAuthMethod: "none",
    applicationType: "web",
    redirectUris: ["http://127.0.0.1/callback", "https://app.example/cb"],
    grantTypes: ["authorization_code", "refresh_token"],
    scope: null,
    canIntrospect: false,
    disabled: false,
    ...overrides,
  };
}

export function confidentialClient(overrides: Partial<ClientRecord> = {}): ClientRecord {
  return {
    ...publicClient(),
    id: "row-confidential",
    clientId: "client-confidential",
    source: "admin",
    name: "Reporting job",
    secretHash: "hash:s3cret",
    tokenEndpointAuthMethod: "client_secret_basic",
    redirectUris: [],
    grantTypes: ["client_credentials"],
    scope: "mcp:tools files:read",
    ...overrides,
  };
}
