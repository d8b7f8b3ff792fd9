/// Compliance (038–): linked transactions, every rule's result, identification records.
extension Migrator {
    static let compliance: [Migration] = [
        // The keys a customer's transactions are found together by (`LinkKeys`), filled for earlier orders by
        // `LinkKeysBackfill` at start-up; and every compliance rule's result with the figures it looked at.
        Migration(id: "2026-11-30-038-linked-transactions", ddl: """
            ALTER TABLE orders ADD COLUMN email_key TEXT;
            ALTER TABLE orders ADD COLUMN person_key TEXT;
            CREATE INDEX orders_email_key ON orders (email_key, created_at);
            CREATE INDEX orders_person_key ON orders (person_key, created_at);
            CREATE TABLE compliance_results (
                id {serial},
                order_id {uuid} NOT NULL REFERENCES orders(id),
                rule TEXT NOT NULL,
                outcome TEXT NOT NULL,
                inputs TEXT NOT NULL,
                explanation TEXT NOT NULL,
                decided_at {timestamp} NOT NULL
            );
            CREATE INDEX compliance_results_order ON compliance_results (order_id, id)
            """),
        // Identification records (§§ 8, 10–12 GwG) with the document's copy (base64, never served to the web; only
        // compliance reads it), kept until `keep_until` (none while the customer's account is open), and which record
        // identified which order.
        Migration(id: "2026-11-30-039-identity-records", ddl: """
            CREATE TABLE identity_records (
                id {uuid} PRIMARY KEY,
                customer_id {uuid},
                full_name TEXT NOT NULL,
                name_key TEXT NOT NULL,
                birth_date TEXT NOT NULL,
                birth_place TEXT NOT NULL,
                nationality TEXT NOT NULL,
                street TEXT NOT NULL,
                postal_code TEXT NOT NULL,
                city TEXT NOT NULL,
                country TEXT NOT NULL,
                document_type TEXT NOT NULL,
                document_number TEXT NOT NULL,
                issuing_authority TEXT NOT NULL,
                issuing_country TEXT NOT NULL,
                expires_on TEXT NOT NULL,
                own_account {bool} NOT NULL,
                politically_exposed {bool} NOT NULL,
                checked_by TEXT NOT NULL,
                checked_at {timestamp} NOT NULL,
                copy_type TEXT NOT NULL,
                copy_sha256 TEXT NOT NULL,
                copy_data TEXT NOT NULL,
                last_used_at {timestamp} NOT NULL,
                keep_until {timestamp}
            );
            CREATE INDEX identity_records_customer ON identity_records (customer_id, expires_on);
            CREATE INDEX identity_records_keep ON identity_records (keep_until);
            CREATE TABLE order_identities (
                order_id {uuid} PRIMARY KEY REFERENCES orders(id),
                record_id {uuid} NOT NULL REFERENCES identity_records(id),
                linked_at {timestamp} NOT NULL,
                linked_by TEXT NOT NULL
            );
            CREATE INDEX order_identities_record ON order_identities (record_id)
            """),
        // Suspicious-activity cases (§43 GwG) and their notes, in the order written; never shown to the customer.
        Migration(id: "2026-11-30-040-compliance-cases", ddl: """
            CREATE TABLE compliance_cases (
                id {uuid} PRIMARY KEY,
                number TEXT NOT NULL UNIQUE,
                status TEXT NOT NULL,
                order_number TEXT,
                customer_id {uuid},
                subject TEXT NOT NULL,
                reason TEXT NOT NULL,
                opened_by TEXT NOT NULL,
                opened_at {timestamp} NOT NULL,
                fiu_reference TEXT,
                updated_at {timestamp} NOT NULL
            );
            CREATE INDEX compliance_cases_status ON compliance_cases (status, opened_at);
            CREATE INDEX compliance_cases_order ON compliance_cases (order_number);
            CREATE TABLE compliance_case_notes (
                id {serial},
                case_id {uuid} NOT NULL REFERENCES compliance_cases(id),
                at {timestamp} NOT NULL,
                by_staff TEXT NOT NULL,
                text TEXT NOT NULL
            );
            CREATE INDEX compliance_case_notes_case ON compliance_case_notes (case_id, id)
            """),
        // The EU consolidated sanctions list: each import with its date and checksum (one active), the active list's
        // entries (names, birth dates, citizenships newline-joined), and the possible matches screening found, each
        // decided once by compliance (a cleared match is not raised again by the next import).
        Migration(id: "2026-11-30-041-sanctions", ddl: """
            CREATE TABLE sanction_lists (
                id {uuid} PRIMARY KEY,
                imported_at {timestamp} NOT NULL,
                imported_by TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                generated TEXT NOT NULL,
                entities INTEGER NOT NULL,
                active {bool} NOT NULL
            );
            CREATE TABLE sanction_entities (
                list_id {uuid} NOT NULL REFERENCES sanction_lists(id),
                entity_id TEXT NOT NULL,
                subject_type TEXT NOT NULL,
                programme TEXT NOT NULL,
                names TEXT NOT NULL,
                birth_dates TEXT NOT NULL,
                citizenships TEXT NOT NULL,
                PRIMARY KEY (list_id, entity_id)
            );
            CREATE TABLE sanction_hits (
                id {uuid} PRIMARY KEY,
                subject TEXT NOT NULL,
                subject_ref TEXT NOT NULL,
                screened_name TEXT NOT NULL,
                entity_id TEXT NOT NULL,
                alias TEXT NOT NULL,
                score TEXT NOT NULL,
                explanation TEXT NOT NULL,
                found_at {timestamp} NOT NULL,
                status TEXT NOT NULL,
                decided_by TEXT,
                decided_at {timestamp},
                reason TEXT,
                UNIQUE (subject, subject_ref, entity_id)
            );
            CREATE INDEX sanction_hits_status ON sanction_hits (status, found_at)
            """),
        // Buy-back ("Ankauf"): sell quotes at buy-back prices, the buy-backs with one row per piece and what staff found,
        // their history, the self-billed credit notes as issued, and the SEPA payout files written.
        Migration(id: "2026-11-30-042-buyback", ddl: """
            CREATE TABLE buyback_quotes (
                id {uuid} PRIMARY KEY,
                created_at {timestamp} NOT NULL,
                expires_at {timestamp} NOT NULL
            );
            CREATE TABLE buyback_quote_lines (
                quote_id {uuid} NOT NULL REFERENCES buyback_quotes(id),
                position INTEGER NOT NULL,
                product_id {uuid} NOT NULL,
                sku TEXT NOT NULL,
                name TEXT NOT NULL,
                quantity INTEGER NOT NULL,
                unit_price_cents {bigint} NOT NULL,
                PRIMARY KEY (quote_id, position)
            );
            CREATE TABLE buybacks (
                id {uuid} PRIMARY KEY,
                number TEXT NOT NULL UNIQUE,
                quote_id {uuid} NOT NULL UNIQUE REFERENCES buyback_quotes(id),
                status TEXT NOT NULL,
                email TEXT NOT NULL,
                name TEXT NOT NULL,
                street TEXT NOT NULL,
                postal_code TEXT NOT NULL,
                city TEXT NOT NULL,
                country TEXT NOT NULL,
                payout_method TEXT NOT NULL,
                iban TEXT,
                account_holder TEXT,
                customer_id {uuid},
                language TEXT NOT NULL,
                email_key TEXT NOT NULL,
                person_key TEXT NOT NULL,
                compliance_rule TEXT NOT NULL,
                compliance_outcome TEXT NOT NULL,
                compliance_explanation TEXT NOT NULL,
                identity_record_id {uuid} REFERENCES identity_records(id),
                credit_note TEXT,
                paid_at {timestamp},
                payout_batch TEXT,
                created_at {timestamp} NOT NULL,
                updated_at {timestamp} NOT NULL
            );
            CREATE INDEX buybacks_status ON buybacks (status, created_at);
            CREATE INDEX buybacks_email_key ON buybacks (email_key, created_at);
            CREATE INDEX buybacks_person_key ON buybacks (person_key, created_at);
            CREATE INDEX buybacks_iban ON buybacks (iban, created_at);
            CREATE TABLE buyback_items (
                buyback_id {uuid} NOT NULL REFERENCES buybacks(id),
                position INTEGER NOT NULL,
                product_id {uuid} NOT NULL,
                sku TEXT NOT NULL,
                name TEXT NOT NULL,
                unit_price_cents {bigint} NOT NULL,
                measured_grams TEXT,
                decision TEXT NOT NULL,
                note TEXT NOT NULL,
                PRIMARY KEY (buyback_id, position)
            );
            CREATE TABLE buyback_events (
                id {serial},
                buyback_id {uuid} NOT NULL REFERENCES buybacks(id),
                at {timestamp} NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                note TEXT NOT NULL
            );
            CREATE INDEX buyback_events_buyback ON buyback_events (buyback_id, id);
            CREATE TABLE credit_notes (
                number TEXT PRIMARY KEY,
                buyback_id {uuid} NOT NULL UNIQUE REFERENCES buybacks(id),
                issued_at {timestamp} NOT NULL,
                total_cents {bigint} NOT NULL,
                data TEXT NOT NULL,
                data_sha256 TEXT NOT NULL,
                pdf TEXT NOT NULL,
                pdf_sha256 TEXT NOT NULL
            );
            CREATE TABLE payout_batches (
                message_id TEXT PRIMARY KEY,
                created_at {timestamp} NOT NULL,
                created_by TEXT NOT NULL,
                payouts INTEGER NOT NULL,
                total_cents {bigint} NOT NULL,
                sha256 TEXT NOT NULL,
                xml TEXT NOT NULL
            )
            """),
        // Customers' price alerts, each going off once.
        Migration(id: "2026-11-30-043-price-alerts", ddl: """
            CREATE TABLE price_alerts (
                id {uuid} PRIMARY KEY,
                customer_id {uuid} NOT NULL REFERENCES customers(id),
                metal TEXT NOT NULL,
                direction TEXT NOT NULL,
                price_cents {bigint} NOT NULL,
                created_at {timestamp} NOT NULL,
                triggered_at {timestamp}
            );
            CREATE INDEX price_alerts_waiting ON price_alerts (triggered_at, metal);
            CREATE INDEX price_alerts_customer ON price_alerts (customer_id, created_at)
            """),
    ]
}
