"""The store's schema as SQL text: one migration per ``PRAGMA user_version`` step.

Append-only: a released step is never edited; a change is a new step.
"""

from __future__ import annotations

SCHEMA_VERSION = 2

MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE source (
        name TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        last_attempt TEXT,
        last_success TEXT,
        last_error TEXT,
        failing_since TEXT,
        not_before TEXT,
        gone INTEGER NOT NULL DEFAULT 0,
        told_failing INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE http_cache (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        checked_at TEXT NOT NULL
    );
    CREATE TABLE document (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        fingerprint TEXT NOT NULL,
        source TEXT NOT NULL,
        title TEXT NOT NULL,
        published TEXT,
        seen_at TEXT NOT NULL,
        relevant INTEGER NOT NULL,
        score REAL NOT NULL,
        reason TEXT NOT NULL
    );
    CREATE INDEX document_fingerprint ON document (fingerprint);
    CREATE TABLE fact (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL,
        value_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        person TEXT,
        role TEXT,
        value TEXT,
        baseline INTEGER NOT NULL DEFAULT 0,
        judgement TEXT CHECK (judgement IN ('confirmed', 'rejected')),
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        UNIQUE (key, value_key)
    );
    CREATE TABLE sighting (
        id INTEGER PRIMARY KEY,
        fact_id INTEGER NOT NULL REFERENCES fact (id),
        document_id INTEGER NOT NULL REFERENCES document (id),
        source TEXT NOT NULL,
        url TEXT NOT NULL,
        published TEXT,
        evidence TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        digest_id INTEGER REFERENCES digest (id),
        UNIQUE (fact_id, document_id)
    );
    CREATE INDEX sighting_fact ON sighting (fact_id);
    CREATE TABLE reported (
        key TEXT PRIMARY KEY,
        fact TEXT NOT NULL,
        sources INTEGER NOT NULL,
        conflict TEXT,
        superseded INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE digest (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        path TEXT,
        state TEXT NOT NULL CHECK (state IN ('pending', 'written')),
        record TEXT NOT NULL,
        markdown TEXT NOT NULL,
        html TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '',
        subject TEXT NOT NULL DEFAULT '',
        mail_state TEXT CHECK (mail_state IN ('unsent', 'sending', 'sent'))
    );
    """,
    # 2: a hash of the last feed body per URL, so an unchanged 200 is not parsed again.
    2: "ALTER TABLE http_cache ADD COLUMN body_hash TEXT",
}
