/// The shop's schema: catalogue, prices, orders, payments, invoices, customers (001–010).
extension Migrator {
    static let shop: [Migration] = [
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
    ]
}
