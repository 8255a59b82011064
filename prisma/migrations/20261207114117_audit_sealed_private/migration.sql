-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "actor" TEXT,
ADD COLUMN     "position" BIGINT,
ADD COLUMN     "privateDigest" TEXT,
ADD COLUMN     "salt" TEXT,
ADD COLUMN     "sealedAt" TIMESTAMP(3),
ALTER COLUMN "prevHash" DROP NOT NULL,
ALTER COLUMN "hash" DROP NOT NULL;

-- CreateTable
CREATE TABLE "AuditHead" (
    "chain" TEXT NOT NULL,
    "communeId" TEXT,
    "position" BIGINT NOT NULL,
    "seq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "sealedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuditHead_pkey" PRIMARY KEY ("chain")
);

-- ─── Sealed in batches ──────────────────────────────────────────────────────────────────────────
-- Events are now inserted unchained (prevHash, hash, position NULL) and chained later by the sealer
-- (lib/oversight/seal.ts) under the hashed form of README "The audit log". Events written before this
-- migration are re-chained under that form by the first sealer: they wait like any new event.
UPDATE "AuditEvent" SET "prevHash" = NULL, "hash" = NULL;

-- One successor per event and one event per place, per chain (the platform chain's communeId is NULL).
CREATE UNIQUE INDEX "AuditEvent_communeId_prevHash_key" ON "AuditEvent" ("communeId", "prevHash") NULLS NOT DISTINCT WHERE "prevHash" IS NOT NULL;
CREATE UNIQUE INDEX "AuditEvent_communeId_position_key" ON "AuditEvent" ("communeId", "position") NULLS NOT DISTINCT WHERE "position" IS NOT NULL;
-- What the sealer looks for: the events still waiting, oldest first.
CREATE INDEX "AuditEvent_waiting_idx" ON "AuditEvent" ("communeId", "seq") WHERE "hash" IS NULL;

-- The insert of the vote hot path (lib/oversight/audit-statement.ts): one unchained event, no lock.
DROP FUNCTION "audit_append"(bigint, text, text, text, text, text, text, text, text, jsonb, timestamp(3), text, text);
CREATE FUNCTION "audit_append"(
  commune_id text, actor_id text, actor_role text, actor text, action text, entity_type text, entity_id text,
  before_digest text, after_digest text, salt text, private_digest text, details jsonb, created_at timestamp(3)
) RETURNS bigint
LANGUAGE sql VOLATILE AS $$
  INSERT INTO "AuditEvent" ("communeId", "actorId", "actorRole", "actor", "action", "entityType", "entityId",
                            "beforeDigest", "afterDigest", "salt", "privateDigest", "details", "createdAt")
  VALUES (commune_id, actor_id, actor_role, actor, action, entity_type, entity_id,
          before_digest, after_digest, salt, private_digest, details, created_at)
  RETURNING "seq";
$$;

-- Sealing: the one change an event may undergo, setting its place and hashes once. The sealer hashes
-- in the application (the canonical JSON is defined there and in the README); this function checks
-- that the batch continues the published head link by link, stamps the events and publishes the new
-- head, in the caller's transaction. SECURITY DEFINER: the app's role has no UPDATE on the log.
CREATE FUNCTION "audit_seal"(chain_commune text, expected_head text, seqs bigint[], prev_hashes text[], hashes text[])
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  chain_key text := COALESCE(chain_commune, '');
  head_hash text;
  head_position bigint;
  n integer := COALESCE(array_length(seqs, 1), 0);
  sealed integer;
BEGIN
  IF n = 0 THEN RETURN 0; END IF;
  IF array_length(prev_hashes, 1) IS DISTINCT FROM n OR array_length(hashes, 1) IS DISTINCT FROM n THEN
    RAISE EXCEPTION 'audit_seal: % events, % previous hashes, % hashes', n, array_length(prev_hashes, 1), array_length(hashes, 1);
  END IF;
  SELECT h."hash", h."position" INTO head_hash, head_position FROM "AuditHead" h WHERE h."chain" = chain_key FOR UPDATE;
  head_hash := COALESCE(head_hash, repeat('0', 64));
  head_position := COALESCE(head_position, 0);
  IF head_hash <> expected_head THEN
    RAISE EXCEPTION 'audit_seal: the head is %, not %', head_hash, expected_head USING ERRCODE = '40001';
  END IF;
  FOR i IN 1..n LOOP
    IF prev_hashes[i] <> (CASE WHEN i = 1 THEN head_hash ELSE hashes[i - 1] END) OR hashes[i] !~ '^[0-9a-f]{64}$' THEN
      RAISE EXCEPTION 'audit_seal: event % does not continue the chain', seqs[i];
    END IF;
  END LOOP;
  UPDATE "AuditEvent" e
     SET "prevHash" = b.prev, "hash" = b.hash, "position" = head_position + b.ord, "sealedAt" = clock_timestamp()
    FROM unnest(seqs, prev_hashes, hashes) WITH ORDINALITY AS b(seq, prev, hash, ord)
   WHERE e."seq" = b.seq AND e."communeId" IS NOT DISTINCT FROM chain_commune AND e."hash" IS NULL;
  GET DIAGNOSTICS sealed = ROW_COUNT;
  IF sealed <> n THEN
    RAISE EXCEPTION 'audit_seal: only % of % events were waiting in this chain', sealed, n;
  END IF;
  INSERT INTO "AuditHead" ("chain", "communeId", "position", "seq", "hash", "sealedAt")
  VALUES (chain_key, chain_commune, head_position + n, seqs[n], hashes[n], clock_timestamp())
  ON CONFLICT ("chain") DO UPDATE
    SET "position" = EXCLUDED."position", "seq" = EXCLUDED."seq", "hash" = EXCLUDED."hash", "sealedAt" = EXCLUDED."sealedAt";
  RETURN n;
END
$$;

-- Erasure (Law 91/2025): unlink a person from the events they caused. The chain covers actorId only
-- through privateDigest, a salted commitment: clearing actorId and the salt leaves the chain intact
-- and the commitment impossible to open.
CREATE FUNCTION "audit_forget_actor"(actor_id text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  forgotten integer;
BEGIN
  UPDATE "AuditEvent" SET "actorId" = NULL, "salt" = NULL WHERE "actorId" = actor_id;
  GET DIAGNOSTICS forgotten = ROW_COUNT;
  RETURN forgotten;
END
$$;

-- ─── Append-only, for everyone ──────────────────────────────────────────────────────────────────
-- No DELETE, no TRUNCATE, and no UPDATE except the two above: sealing (place and hashes set once from
-- NULL) and forgetting an actor (actorId and salt to NULL). Everything else about an event is final.
CREATE FUNCTION "audit_event_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  sealing constant text[] := ARRAY['prevHash', 'hash', 'position', 'sealedAt'];
  forgetting constant text[] := ARRAY['actorId', 'salt'];
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD."hash" IS NULL AND OLD."prevHash" IS NULL AND OLD."position" IS NULL
       AND NEW."hash" IS NOT NULL AND NEW."prevHash" IS NOT NULL AND NEW."position" IS NOT NULL
       AND to_jsonb(NEW) - sealing = to_jsonb(OLD) - sealing THEN
      RETURN NEW;
    END IF;
    IF NEW."actorId" IS NULL AND NEW."salt" IS NULL
       AND to_jsonb(NEW) - forgetting = to_jsonb(OLD) - forgetting THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'The audit log is append-only: % of "AuditEvent" refused', TG_OP USING ERRCODE = '42501';
END
$$;
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION "audit_event_guard"();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent" FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_guard"();

-- ─── The app's role ─────────────────────────────────────────────────────────────────────────────
-- The app connects as danban_app (lib/db.ts sets it; README "The audit log"): everything on the
-- app's tables, but on the audit log only INSERT of an unchained event, and on the heads nothing but
-- reading. Roles belong to the server, not the database: created once, granted in every database.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'danban_app') THEN
    CREATE ROLE "danban_app" NOLOGIN;
  END IF;
END
$$;
GRANT USAGE ON SCHEMA public TO "danban_app";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "danban_app";
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO "danban_app";
-- Tables that later migrations create (run by the same owner) get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "danban_app";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO "danban_app";
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "AuditEvent" FROM "danban_app";
GRANT INSERT ("communeId", "actorId", "actorRole", "actor", "action", "entityType", "entityId", "beforeDigest",
              "afterDigest", "salt", "privateDigest", "details", "createdAt") ON "AuditEvent" TO "danban_app";
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "AuditHead" FROM "danban_app";
REVOKE ALL ON FUNCTION "audit_seal"(text, text, bigint[], text[], text[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION "audit_forget_actor"(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION "audit_seal"(text, text, bigint[], text[], text[]) TO "danban_app";
GRANT EXECUTE ON FUNCTION "audit_forget_actor"(text) TO "danban_app";
