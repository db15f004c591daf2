"""Database triggers that refuse UPDATE and DELETE of signed rows (ADR 0004).

The models already refuse through the ORM; these refuse at the SQL level, so a stray
``UPDATE`` in a database shell or another program fails too:

- a plan version whose stored status is ``signed`` cannot be updated or deleted;
- a signature row cannot be updated or deleted;
- a plan with a signed version cannot be moved to another client.

They are not a substitute for the seals: whoever owns the database can drop a trigger. The
seals make that kind of edit detectable; the triggers make the accidental one impossible.

Tests that flush the database between tests (``transactional_db``, live server) put a row
in ``txplan_flush_allowed`` first (``allow_flush``), which the SQLite DELETE triggers honour;
the table is not a model, so a flush leaves it alone. PostgreSQL's flush is a TRUNCATE,
which row triggers do not see. Nothing in txplan itself writes that table.
"""

from __future__ import annotations

from typing import Any

MESSAGE_VERSION = "txplan: a signed plan version cannot be changed or deleted"
MESSAGE_SIGNATURE = "txplan: a signature cannot be changed or deleted"
MESSAGE_PLAN = "txplan: a plan with a signed version cannot move to another client"

_SQLITE_BYPASS = "NOT EXISTS (SELECT 1 FROM txplan_flush_allowed)"

SQLITE_CREATE = [
    "CREATE TABLE IF NOT EXISTS txplan_flush_allowed (allowed INTEGER NOT NULL)",
    f"""CREATE TRIGGER txplan_signed_version_no_update BEFORE UPDATE ON plans_planversion
    FOR EACH ROW WHEN OLD.status = 'signed'
    BEGIN SELECT RAISE(ABORT, '{MESSAGE_VERSION}'); END""",
    f"""CREATE TRIGGER txplan_signed_version_no_delete BEFORE DELETE ON plans_planversion
    FOR EACH ROW WHEN OLD.status = 'signed' AND {_SQLITE_BYPASS}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE_VERSION}'); END""",
    f"""CREATE TRIGGER txplan_signature_no_update BEFORE UPDATE ON plans_versionsignature
    FOR EACH ROW BEGIN SELECT RAISE(ABORT, '{MESSAGE_SIGNATURE}'); END""",
    f"""CREATE TRIGGER txplan_signature_no_delete BEFORE DELETE ON plans_versionsignature
    FOR EACH ROW WHEN {_SQLITE_BYPASS}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE_SIGNATURE}'); END""",
    f"""CREATE TRIGGER txplan_signed_plan_no_move BEFORE UPDATE OF client_id ON plans_plan
    FOR EACH ROW WHEN NEW.client_id <> OLD.client_id AND EXISTS (
        SELECT 1 FROM plans_planversion WHERE plan_id = OLD.id AND status = 'signed')
    BEGIN SELECT RAISE(ABORT, '{MESSAGE_PLAN}'); END""",
]
SQLITE_DROP = [
    "DROP TABLE IF EXISTS txplan_flush_allowed",
    "DROP TRIGGER IF EXISTS txplan_signed_version_no_update",
    "DROP TRIGGER IF EXISTS txplan_signed_version_no_delete",
    "DROP TRIGGER IF EXISTS txplan_signature_no_update",
    "DROP TRIGGER IF EXISTS txplan_signature_no_delete",
    "DROP TRIGGER IF EXISTS txplan_signed_plan_no_move",
]

POSTGRESQL_CREATE = [
    f"""CREATE OR REPLACE FUNCTION txplan_refuse_signed_version() RETURNS trigger AS $$
    BEGIN
        IF OLD.status = 'signed' THEN
            RAISE EXCEPTION '{MESSAGE_VERSION}' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER txplan_signed_version_frozen BEFORE UPDATE OR DELETE ON plans_planversion
    FOR EACH ROW EXECUTE FUNCTION txplan_refuse_signed_version()""",
    f"""CREATE OR REPLACE FUNCTION txplan_refuse_signature_change() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION '{MESSAGE_SIGNATURE}' USING ERRCODE = 'integrity_constraint_violation';
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER txplan_signature_frozen BEFORE UPDATE OR DELETE ON plans_versionsignature
    FOR EACH ROW EXECUTE FUNCTION txplan_refuse_signature_change()""",
    f"""CREATE OR REPLACE FUNCTION txplan_refuse_signed_plan_move() RETURNS trigger AS $$
    BEGIN
        IF NEW.client_id <> OLD.client_id AND EXISTS (
            SELECT 1 FROM plans_planversion WHERE plan_id = OLD.id AND status = 'signed'
        ) THEN
            RAISE EXCEPTION '{MESSAGE_PLAN}' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER txplan_signed_plan_no_move BEFORE UPDATE OF client_id ON plans_plan
    FOR EACH ROW EXECUTE FUNCTION txplan_refuse_signed_plan_move()""",
]
POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS txplan_signed_version_frozen ON plans_planversion",
    "DROP TRIGGER IF EXISTS txplan_signature_frozen ON plans_versionsignature",
    "DROP TRIGGER IF EXISTS txplan_signed_plan_no_move ON plans_plan",
    "DROP FUNCTION IF EXISTS txplan_refuse_signed_version()",
    "DROP FUNCTION IF EXISTS txplan_refuse_signature_change()",
    "DROP FUNCTION IF EXISTS txplan_refuse_signed_plan_move()",
]


CREATE = {"sqlite": SQLITE_CREATE, "postgresql": POSTGRESQL_CREATE}
DROP = {"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}


def _statements(vendor: str, which: dict[str, list[str]]) -> list[str]:
    if vendor not in which:
        raise RuntimeError(f"no signed-row triggers for the {vendor} database")
    return which[vendor]


def install(apps: Any, schema_editor: Any) -> None:
    for sql in _statements(schema_editor.connection.vendor, CREATE):
        schema_editor.execute(sql, params=None)


def remove(apps: Any, schema_editor: Any) -> None:
    for sql in _statements(schema_editor.connection.vendor, DROP):
        schema_editor.execute(sql, params=None)


def execute(connection: Any, which: dict[str, list[str]]) -> None:
    """Runs CREATE or DROP on a connection directly (tests simulating someone who dropped the
    triggers, inside the test's transaction)."""
    with connection.cursor() as cursor:
        for sql in _statements(connection.vendor, which):
            cursor.execute(sql)


def allow_flush(connection: Any) -> None:
    """For test teardown on SQLite: let the coming flush delete signed rows."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM txplan_flush_allowed")
            cursor.execute("INSERT INTO txplan_flush_allowed (allowed) VALUES (1)")


def forbid_flush(connection: Any) -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM txplan_flush_allowed")
