-- Appends one event to a commune's hash-chained audit log inside the calling statement, so that a
-- vote, its choices and its audit event are written in one statement and one round trip. It takes the
-- same per-commune advisory lock as appendAudit (lib/oversight/audit.ts), so both ways of appending
-- keep one chain; the lock is held only until the transaction of the statement ends, with no network round
-- trip in between. VOLATILE: the head is read with a fresh snapshot, after the lock is granted.
--
-- The hash is that of lib/oversight/audit.ts: sha256 of the canonical JSON of the event, in which
-- "prevHash" is the one value not known to the caller. The caller passes the canonical JSON split
-- around that value (hash_prefix and hash_suffix).
CREATE FUNCTION "audit_append"(
  lock_key bigint,
  commune_id text,
  actor_id text,
  actor_role text,
  action text,
  entity_type text,
  entity_id text,
  before_digest text,
  after_digest text,
  details jsonb,
  created_at timestamp(3),
  hash_prefix text,
  hash_suffix text
) RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  prev_hash text;
  new_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(lock_key);
  SELECT "hash" INTO prev_hash FROM "AuditEvent" WHERE "communeId" = commune_id ORDER BY "seq" DESC LIMIT 1;
  prev_hash := COALESCE(prev_hash, repeat('0', 64));
  new_hash := encode(sha256(convert_to(hash_prefix || '"' || prev_hash || '"' || hash_suffix, 'UTF8')), 'hex');
  INSERT INTO "AuditEvent" ("communeId", "actorId", "actorRole", "action", "entityType", "entityId",
                            "beforeDigest", "afterDigest", "details", "createdAt", "prevHash", "hash")
  VALUES (commune_id, actor_id, actor_role, action, entity_type, entity_id,
          before_digest, after_digest, details, created_at, prev_hash, new_hash);
  RETURN new_hash;
END
$$;
