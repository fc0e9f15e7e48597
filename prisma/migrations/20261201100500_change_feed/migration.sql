-- The change feed: every committed change to state that instances cache is announced on the
-- channel "gatehouse_changes" (NOTIFY is delivered at commit, and not at all on rollback), so
-- that every instance forgets it within milliseconds, whoever wrote it: another instance, the
-- CLI, an import, or an operator's hand-written UPDATE. lib/server/cache/Change.ts reads the
-- payloads; a payload names what to forget, never a secret.

CREATE FUNCTION "gatehouse_notify_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
  payload jsonb;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  -- One branch per table: PL/pgSQL resolves a record's fields when a statement first runs, so a
  -- single CASE naming every table's columns would fail on each table.
  IF TG_TABLE_NAME = 'Org' THEN
    payload := jsonb_build_object('org', r."id");
  ELSIF TG_TABLE_NAME IN ('McpServer', 'SigningKey') THEN
    payload := jsonb_build_object('org', r."orgId");
  ELSIF TG_TABLE_NAME = 'Scope' THEN
    payload := jsonb_build_object('org', (SELECT s."orgId" FROM "McpServer" s WHERE s."id" = r."serverId"));
  ELSIF TG_TABLE_NAME = 'Client' THEN
    payload := jsonb_build_object('org', r."orgId", 'client_id', r."clientId");
  ELSIF TG_TABLE_NAME = 'Grant' THEN
    payload := jsonb_build_object('id', r."id", 'client', r."clientRowId");
  ELSIF TG_TABLE_NAME = 'RevokedAccessToken' THEN
    payload := jsonb_build_object('id', r."jti");
  ELSIF TG_TABLE_NAME = 'RateLimitBucket' THEN
    payload := jsonb_build_object('id', r."key");
  ELSE
    RETURN NULL;
  END IF;
  PERFORM pg_notify('gatehouse_changes', (payload || jsonb_build_object('t', TG_TABLE_NAME))::text);
  RETURN NULL;
END
$$;

CREATE TRIGGER "Org_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "Org"
  FOR EACH ROW EXECUTE FUNCTION "gatehouse_notify_change"();
CREATE TRIGGER "McpServer_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "McpServer"
  FOR EACH ROW EXECUTE FUNCTION "gatehouse_notify_change"();
CREATE TRIGGER "Scope_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "Scope"
  FOR EACH ROW EXECUTE FUNCTION "gatehouse_notify_change"();
-- A new client or grant invalidates nothing: caches never keep "not found".
-- Not on "lastUsedAt" (set at every authorization): it changes nothing a cache holds.
CREATE TRIGGER "Client_notify_change" AFTER UPDATE OF "clientId", "source", "name", "secretHash", "secretExpiresAt",
    "registrationAccessTokenHash", "tokenEndpointAuthMethod", "applicationType", "redirectUris", "grantTypes",
    "responseTypes", "scope", "logoUri", "clientUri", "metadata", "canIntrospect", "metadataExpiresAt", "disabledAt"
  OR DELETE ON "Client"
  FOR EACH ROW EXECUTE FUNCTION "gatehouse_notify_change"();
CREATE TRIGGER "Grant_notify_change" AFTER UPDATE OR DELETE ON "Grant"
  FOR EACH ROW EXECUTE FUNCTION "gatehouse_notify_change"();
CREATE TRIGGER "SigningKey_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "SigningKey"
  FOR EACH ROW EXECUTE FUNCTION "gatehouse_notify_change"();
-- Deleting an expired revocation changes no answer: the token it named has expired too.
CREATE TRIGGER "RevokedAccessToken_notify_change" AFTER INSERT OR UPDATE ON "RevokedAccessToken"
  FOR EACH ROW EXECUTE FUNCTION "gatehouse_notify_change"();
CREATE TRIGGER "RateLimitBucket_notify_change" AFTER INSERT OR UPDATE ON "RateLimitBucket"
  FOR EACH ROW EXECUTE FUNCTION "gatehouse_notify_change"();
