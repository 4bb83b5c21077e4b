-- One business change with its audit record, the way the application writes them: the change's row
-- first, then the single chain head locked, the audit row linked to the previous hash, the head moved
-- on, and the lock held until commit. Run by AssistanceLifecycleBenchmarkIT with pgbench -M prepared
-- against the scratch schema liandong_pgbench, which the benchmark creates and drops.
\set item random(1, 1000000000)
BEGIN;
INSERT INTO liandong_pgbench.item (kind, title, body, created_at, created_by)
VALUES ('ASSISTANCE_LETTER', '关于商请协助调查有关情况的函',
        '1. 核实该企业在贵辖区的经营场所及从业人员情况；2. 调取安全教育培训档案。', now(), 'pgbench');
SELECT last_seq, last_hash FROM liandong_pgbench.audit_chain_head WHERE id = 1 FOR UPDATE \gset
INSERT INTO liandong_pgbench.audit_record (seq, occurred_at, actor, actor_agency, action, object_type, object_id,
                                           detail, client_address, prev_hash, hash)
VALUES (:last_seq::bigint + 1, now(), 'pgbench', '410402', 'ASSISTANCE_SEND', 'assistance-request', :item::text,
        '发出协查函，请卫东区应急管理局受理', '127.0.0.1', :last_hash::text,
        encode(sha256(convert_to(:last_seq::text || ';' || :item::text || ';' || :last_hash::text, 'UTF8')), 'hex'))
RETURNING hash \gset
UPDATE liandong_pgbench.audit_chain_head SET last_seq = :last_seq::bigint + 1, last_hash = :hash::text WHERE id = 1;
END;
