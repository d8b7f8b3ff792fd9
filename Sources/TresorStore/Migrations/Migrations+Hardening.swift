/// Migrations of issue 10: the service layer's actors and the guards in front of the shop.
extension Migrator {
    static let hardening: [Migration] = [
        // Only an active staff member may act or be named as acting; a disabled one keeps their history.
        Migration(id: "2026-11-30-018-staff-disabled", ddl: """
            ALTER TABLE staff ADD COLUMN disabled_at {timestamp}
            """),
        // A new account counts once its address is confirmed by a link mailed to it; accounts made before count as confirmed.
        Migration(id: "2026-11-30-019-customer-verification", ddl: """
            ALTER TABLE customers ADD COLUMN verified_at {timestamp};
            UPDATE customers SET verified_at = created_at;
            CREATE TABLE email_verifications (
                token_hash TEXT PRIMARY KEY,
                customer_id {uuid} NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
                expires_at {timestamp} NOT NULL,
                used_at {timestamp}
            )
            """),
        // Failed logins per address and per account, keyed by a hash, forgotten a day after the last failure.
        Migration(id: "2026-11-30-020-login-failures", ddl: """
            CREATE TABLE login_failures (
                key_hash TEXT PRIMARY KEY,
                failures INTEGER NOT NULL,
                last_failure_at {timestamp} NOT NULL,
                expires_at {timestamp} NOT NULL
            );
            CREATE INDEX login_failures_expiry ON login_failures (expires_at)
            """),
        // Rate-limit rows are keyed by a hash of what they count (not the raw e-mail or address) and expire.
        Migration(id: "2026-11-30-021-rate-limits-expire", ddl: """
            DELETE FROM rate_limits;
            ALTER TABLE rate_limits ADD COLUMN expires_at {timestamp};
            CREATE INDEX rate_limits_expiry ON rate_limits (expires_at)
            """),
        // Who did what to a campaign (drafted, tested, scheduled, called off), and who entered a manual price.
        Migration(id: "2026-11-30-022-campaign-events-and-price-entries", ddl: """
            CREATE TABLE campaign_events (
                id {serial},
                campaign_id {uuid} NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
                at {timestamp} NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                detail TEXT NOT NULL
            );
            CREATE INDEX campaign_events_campaign ON campaign_events (campaign_id, id);
            ALTER TABLE spot_ticks ADD COLUMN entered_by TEXT
            """),
        // Who ended a staff member's access.
        Migration(id: "2026-11-30-023-staff-disabled-by", ddl: """
            ALTER TABLE staff ADD COLUMN disabled_by TEXT
            """),
    ]
}
