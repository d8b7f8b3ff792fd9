import Foundation
import Logging
import SQLKit

/// One schema change, applied once and recorded by id. A landed migration is never edited.
public struct Migration: Sendable {
    public var id: String
    /// DDL with `{uuid}`-style type placeholders; statements separated by `;`.
    public var ddl: String
    /// For the few changes that differ by database (full-text search): used instead of `ddl` on PostgreSQL.
    public var postgres: String?

    public init(id: String, ddl: String, postgres: String? = nil) {
        self.id = id
        self.ddl = ddl
        self.postgres = postgres
    }

    func ddl(for dialect: Dialect) -> String { dialect == .postgres ? (postgres ?? ddl) : ddl }
}

/// Applies the ordered migrations that have not run yet, each in its own transaction.
public struct Migrator: Sendable {
    public let migrations: [Migration]

    public init(migrations: [Migration] = Migrator.all) { self.migrations = migrations }

    /// Returns the ids it applied.
    @discardableResult
    public func migrate(_ database: Database) async throws -> [String] {
        let dialect = database.dialect
        try await database.transaction { sql in
            try await sql.execute(dialect.columnTypes(
                "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at {timestamp} NOT NULL)"))
        }
        var applied: [String] = []
        for migration in migrations {
            let didApply = try await database.transaction { sql -> Bool in
                // On PostgreSQL several instances may start at once: one waits for the other's migration.
                if dialect == .postgres { try await sql.execute("LOCK TABLE schema_migrations IN EXCLUSIVE MODE") }
                let done = try await sql.rows("SELECT id FROM schema_migrations WHERE id = ?", [migration.id])
                guard done.isEmpty else { return false }
                for statement in dialect.columnTypes(migration.ddl(for: dialect)).split(separator: ";") {
                    let text = statement.trimmingCharacters(in: .whitespacesAndNewlines)
                    if !text.isEmpty { try await sql.execute(text) }
                }
                try await sql.execute("INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)", [migration.id, Date()])
                return true
            }
            if didApply {
                applied.append(migration.id)
                database.logger.info("applied migration", metadata: ["id": "\(migration.id)"])
            }
        }
        return applied
    }

    public static let all: [Migration] = [
        Migration(id: "2026-11-27-001-products", ddl: """
            CREATE TABLE products (
                id {uuid} PRIMARY KEY,
                sku TEXT NOT NULL UNIQUE,
                slug TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                metal TEXT NOT NULL,
                form TEXT NOT NULL,
                gross_grams TEXT NOT NULL,
                fineness TEXT NOT NULL,
                mint TEXT NOT NULL,
                year INTEGER,
                vat_regime TEXT NOT NULL,
                buyback_discount_percent TEXT NOT NULL,
                buyback_fixed_cents {bigint} NOT NULL,
                stock INTEGER NOT NULL CHECK (stock >= 0),
                featured {bool} NOT NULL,
                description_de TEXT NOT NULL,
                description_en TEXT NOT NULL,
                created_at {timestamp} NOT NULL,
                updated_at {timestamp} NOT NULL
            );
            CREATE TABLE premium_tiers (
                product_id {uuid} NOT NULL REFERENCES products(id) ON DELETE CASCADE,
                min_quantity INTEGER NOT NULL CHECK (min_quantity >= 1),
                percent TEXT NOT NULL,
                fixed_cents {bigint} NOT NULL,
                PRIMARY KEY (product_id, min_quantity)
            )
            """),
        Migration(id: "2026-11-27-002-spot-ticks", ddl: """
            CREATE TABLE spot_ticks (
                id {serial},
                metal TEXT NOT NULL,
                bid TEXT NOT NULL,
                ask TEXT NOT NULL,
                at {timestamp} NOT NULL,
                source TEXT NOT NULL,
                status TEXT NOT NULL,
                change_percent TEXT,
                decided_by TEXT,
                decided_at {timestamp}
            );
            CREATE INDEX spot_ticks_metal_status_at ON spot_ticks (metal, status, at)
            """),
        Migration(id: "2026-11-27-003-orders", ddl: """
            CREATE TABLE counters (
                name TEXT PRIMARY KEY,
                value {bigint} NOT NULL
            );
            CREATE TABLE quotes (
                id {uuid} PRIMARY KEY,
                created_at {timestamp} NOT NULL,
                expires_at {timestamp} NOT NULL
            );
            CREATE TABLE quote_lines (
                quote_id {uuid} NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                product_id {uuid} NOT NULL REFERENCES products(id),
                sku TEXT NOT NULL,
                name TEXT NOT NULL,
                quantity INTEGER NOT NULL CHECK (quantity >= 1),
                unit_price_cents {bigint} NOT NULL,
                vat_regime TEXT NOT NULL,
                vat_cents {bigint} NOT NULL,
                PRIMARY KEY (quote_id, position)
            );
            CREATE TABLE orders (
                id {uuid} PRIMARY KEY,
                number TEXT NOT NULL UNIQUE,
                quote_id {uuid} NOT NULL UNIQUE REFERENCES quotes(id),
                status TEXT NOT NULL,
                shipping_method TEXT NOT NULL,
                payment_method TEXT NOT NULL,
                goods_cents {bigint} NOT NULL,
                shipping_cents {bigint} NOT NULL,
                total_cents {bigint} NOT NULL,
                payment_reference TEXT NOT NULL UNIQUE,
                due_at {timestamp},
                email TEXT NOT NULL,
                name TEXT NOT NULL,
                street TEXT NOT NULL,
                postal_code TEXT NOT NULL,
                city TEXT NOT NULL,
                country TEXT NOT NULL,
                idempotency_key TEXT UNIQUE,
                request_hash TEXT,
                compliance_rule TEXT NOT NULL,
                compliance_outcome TEXT NOT NULL,
                compliance_explanation TEXT NOT NULL,
                created_at {timestamp} NOT NULL,
                updated_at {timestamp} NOT NULL
            );
            CREATE TABLE order_lines (
                order_id {uuid} NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                product_id {uuid} NOT NULL REFERENCES products(id),
                sku TEXT NOT NULL,
                name TEXT NOT NULL,
                quantity INTEGER NOT NULL CHECK (quantity >= 1),
                unit_price_cents {bigint} NOT NULL,
                vat_regime TEXT NOT NULL,
                vat_cents {bigint} NOT NULL,
                PRIMARY KEY (order_id, position)
            );
            CREATE TABLE order_events (
                id {serial},
                order_id {uuid} NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
                at {timestamp} NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                from_status TEXT,
                to_status TEXT NOT NULL,
                note TEXT NOT NULL
            );
            CREATE INDEX order_events_order ON order_events (order_id, id);
            CREATE INDEX orders_status ON orders (status)
            """),
        Migration(id: "2026-11-27-004-staff-and-stock-events", ddl: """
            CREATE TABLE staff (
                id {uuid} PRIMARY KEY,
                email TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                api_token_hash TEXT NOT NULL UNIQUE,
                created_at {timestamp} NOT NULL
            );
            CREATE TABLE stock_events (
                id {serial},
                product_id {uuid} NOT NULL REFERENCES products(id),
                at {timestamp} NOT NULL,
                actor TEXT NOT NULL,
                change INTEGER NOT NULL,
                stock_after INTEGER NOT NULL,
                reason TEXT NOT NULL
            );
            CREATE INDEX stock_events_product ON stock_events (product_id, id)
            """),
        Migration(id: "2026-11-27-005-secrets", ddl: """
            CREATE TABLE secrets (
                name TEXT PRIMARY KEY,
                value TEXT NOT NULL
            )
            """),
        Migration(id: "2026-11-27-006-mail-outbox", ddl: """
            CREATE TABLE mail_outbox (
                id {uuid} PRIMARY KEY,
                message_id TEXT NOT NULL UNIQUE,
                recipient TEXT NOT NULL,
                subject TEXT NOT NULL,
                raw TEXT NOT NULL,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                next_attempt_at {timestamp} NOT NULL,
                last_error TEXT,
                created_at {timestamp} NOT NULL,
                sent_at {timestamp}
            );
            CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
            ALTER TABLE orders ADD COLUMN language TEXT NOT NULL DEFAULT 'de'
            """),
        Migration(id: "2026-11-27-007-market-loss", ddl: """
            ALTER TABLE orders ADD COLUMN market_loss_cents {bigint}
            """),
        Migration(id: "2026-11-28-008-bank-entries", ddl: """
            CREATE TABLE bank_entries (
                id {serial},
                bank_reference TEXT NOT NULL UNIQUE,
                amount_cents {bigint} NOT NULL,
                credit {bool} NOT NULL,
                booking_date TEXT,
                debtor_name TEXT,
                remittance TEXT NOT NULL,
                structured_reference TEXT,
                creditor_reference TEXT,
                state TEXT NOT NULL,
                reason TEXT,
                order_number TEXT,
                statement TEXT NOT NULL,
                imported_at {timestamp} NOT NULL,
                imported_by TEXT NOT NULL,
                resolved_at {timestamp},
                resolved_by TEXT,
                note TEXT NOT NULL
            );
            CREATE INDEX bank_entries_state ON bank_entries (state, id);
            CREATE INDEX bank_entries_order ON bank_entries (order_number)
            """),
        Migration(id: "2026-11-28-009-invoices", ddl: """
            CREATE TABLE invoices (
                id {uuid} PRIMARY KEY,
                number TEXT NOT NULL UNIQUE,
                order_id {uuid} NOT NULL UNIQUE REFERENCES orders(id),
                issued_at {timestamp} NOT NULL,
                seller TEXT NOT NULL
            )
            """),
        Migration(id: "2026-11-28-010-customers-sessions-carts", ddl: """
            CREATE TABLE customers (
                id {uuid} PRIMARY KEY,
                email TEXT NOT NULL UNIQUE,
                password_hash TEXT NOT NULL,
                name TEXT NOT NULL,
                street TEXT NOT NULL,
                postal_code TEXT NOT NULL,
                city TEXT NOT NULL,
                country TEXT NOT NULL,
                language TEXT NOT NULL,
                created_at {timestamp} NOT NULL,
                updated_at {timestamp} NOT NULL
            );
            CREATE TABLE sessions (
                id_hash TEXT PRIMARY KEY,
                customer_id {uuid} REFERENCES customers(id) ON DELETE CASCADE,
                checkout TEXT NOT NULL,
                created_at {timestamp} NOT NULL,
                expires_at {timestamp} NOT NULL
            );
            CREATE INDEX sessions_expiry ON sessions (expires_at);
            CREATE TABLE cart_lines (
                owner TEXT NOT NULL,
                sku TEXT NOT NULL,
                quantity INTEGER NOT NULL,
                added_at {timestamp} NOT NULL,
                PRIMARY KEY (owner, sku)
            );
            CREATE TABLE password_resets (
                token_hash TEXT PRIMARY KEY,
                customer_id {uuid} NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
                expires_at {timestamp} NOT NULL,
                used_at {timestamp}
            );
            ALTER TABLE orders ADD COLUMN customer_id {uuid} REFERENCES customers(id);
            CREATE INDEX orders_customer ON orders (customer_id, created_at)
            """),
        Migration(id: "2026-11-28-011-articles", ddl: """
            CREATE TABLE articles (
                id {uuid} PRIMARY KEY,
                slug TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                teaser TEXT NOT NULL,
                body TEXT NOT NULL,
                author TEXT NOT NULL,
                category TEXT NOT NULL,
                hero_image TEXT,
                status TEXT NOT NULL,
                publish_at {timestamp},
                version INTEGER NOT NULL,
                created_at {timestamp} NOT NULL,
                updated_at {timestamp} NOT NULL
            );
            CREATE INDEX articles_public ON articles (status, publish_at);
            CREATE INDEX articles_category ON articles (category, publish_at);
            CREATE TABLE article_tags (
                article_id {uuid} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                tag TEXT NOT NULL,
                PRIMARY KEY (article_id, tag)
            );
            CREATE INDEX article_tags_tag ON article_tags (tag);
            CREATE TABLE article_revisions (
                article_id {uuid} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                version INTEGER NOT NULL,
                title TEXT NOT NULL,
                teaser TEXT NOT NULL,
                body TEXT NOT NULL,
                author TEXT NOT NULL,
                category TEXT NOT NULL,
                tags TEXT NOT NULL,
                hero_image TEXT,
                status TEXT NOT NULL,
                publish_at {timestamp},
                saved_at {timestamp} NOT NULL,
                saved_by TEXT NOT NULL,
                PRIMARY KEY (article_id, version)
            )
            """),
        // Full-text search over title, teaser and body: FTS5 in SQLite, a weighted German tsvector in PostgreSQL.
        Migration(id: "2026-11-28-012-article-search", ddl: """
            CREATE VIRTUAL TABLE article_search USING fts5(
                slug UNINDEXED, title, teaser, body, tokenize = 'unicode61 remove_diacritics 2'
            );
            INSERT INTO article_search (slug, title, teaser, body) SELECT slug, title, teaser, body FROM articles
            """, postgres: """
            CREATE TABLE article_search (
                slug TEXT PRIMARY KEY REFERENCES articles(slug) ON DELETE CASCADE ON UPDATE CASCADE,
                body TEXT NOT NULL,
                document tsvector NOT NULL
            );
            CREATE INDEX article_search_document ON article_search USING GIN (document);
            INSERT INTO article_search (slug, body, document) SELECT slug, body,
                setweight(to_tsvector('german', title), 'A') || setweight(to_tsvector('german', teaser), 'B')
                || setweight(to_tsvector('german', body), 'C') FROM articles
            """),
        Migration(id: "2026-11-28-013-newsletter", ddl: """
            CREATE TABLE consent_statements (
                version INTEGER PRIMARY KEY,
                text_de TEXT NOT NULL,
                text_en TEXT NOT NULL,
                valid_from {timestamp} NOT NULL
            );
            CREATE TABLE subscribers (
                id {uuid} PRIMARY KEY,
                email TEXT NOT NULL UNIQUE,
                status TEXT NOT NULL,
                language TEXT NOT NULL,
                consent_version INTEGER NOT NULL REFERENCES consent_statements(version),
                consent_text TEXT NOT NULL,
                signup_at {timestamp} NOT NULL,
                signup_ip TEXT NOT NULL,
                signup_user_agent TEXT NOT NULL,
                signup_source TEXT NOT NULL,
                confirmation_mail TEXT NOT NULL,
                confirmed_at {timestamp},
                confirm_ip TEXT,
                unsubscribed_at {timestamp},
                updated_at {timestamp} NOT NULL
            );
            CREATE INDEX subscribers_status ON subscribers (status);
            CREATE TABLE subscriber_events (
                id {serial},
                subscriber_id {uuid} NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
                at {timestamp} NOT NULL,
                kind TEXT NOT NULL,
                detail TEXT NOT NULL
            );
            CREATE INDEX subscriber_events_subscriber ON subscriber_events (subscriber_id, id)
            """),
        Migration(id: "2026-11-28-014-rate-limits", ddl: """
            CREATE TABLE rate_limits (
                bucket TEXT PRIMARY KEY,
                window_start {timestamp} NOT NULL,
                hits INTEGER NOT NULL
            )
            """),
        Migration(id: "2026-11-28-015-campaigns", ddl: """
            CREATE TABLE campaigns (
                id {uuid} PRIMARY KEY,
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                kind TEXT NOT NULL,
                status TEXT NOT NULL,
                send_at {timestamp},
                created_at {timestamp} NOT NULL,
                started_at {timestamp},
                finished_at {timestamp},
                digest_from {timestamp},
                digest_until {timestamp}
            );
            CREATE INDEX campaigns_due ON campaigns (status, send_at);
            CREATE TABLE campaign_recipients (
                campaign_id {uuid} NOT NULL REFERENCES campaigns(id),
                subscriber_id {uuid} NOT NULL REFERENCES subscribers(id),
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                next_attempt_at {timestamp} NOT NULL,
                sent_at {timestamp},
                detail TEXT,
                PRIMARY KEY (campaign_id, subscriber_id)
            );
            CREATE INDEX campaign_recipients_due ON campaign_recipients (status, next_attempt_at);
            ALTER TABLE subscribers ADD COLUMN soft_bounces INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE subscribers ADD COLUMN bounced_at {timestamp}
            """),
        Migration(id: "2026-11-28-016-careers-consultation", ddl: """
            CREATE TABLE job_postings (
                id {uuid} PRIMARY KEY,
                slug TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                location TEXT NOT NULL,
                employment_type TEXT NOT NULL,
                description TEXT NOT NULL,
                status TEXT NOT NULL,
                published_at {timestamp} NOT NULL,
                closes_at {timestamp},
                updated_at {timestamp} NOT NULL
            );
            CREATE TABLE job_applications (
                id {uuid} PRIMARY KEY,
                job_id {uuid} NOT NULL REFERENCES job_postings(id),
                name TEXT NOT NULL,
                email TEXT NOT NULL,
                message TEXT NOT NULL,
                language TEXT NOT NULL,
                cv_file TEXT NOT NULL,
                cv_size INTEGER NOT NULL,
                ip TEXT NOT NULL,
                received_at {timestamp} NOT NULL
            );
            CREATE INDEX job_applications_received ON job_applications (received_at);
            CREATE TABLE callback_requests (
                id {uuid} PRIMARY KEY,
                name TEXT NOT NULL,
                phone TEXT NOT NULL,
                time_window TEXT NOT NULL,
                topic TEXT NOT NULL,
                language TEXT NOT NULL,
                consent_text TEXT NOT NULL,
                ip TEXT NOT NULL,
                status TEXT NOT NULL,
                requested_at {timestamp} NOT NULL,
                updated_at {timestamp} NOT NULL,
                handled_by TEXT
            );
            CREATE INDEX callback_requests_status ON callback_requests (status, requested_at)
            """),
        // Without it, "is anything of this campaign still queued?" reads every recipient row of the campaign,
        // once per batch: 100,000 recipients made sending four times slower.
        Migration(id: "2026-11-28-017-campaign-recipients-by-campaign", ddl: """
            CREATE INDEX campaign_recipients_campaign ON campaign_recipients (campaign_id, status)
            """),
    ]
}
