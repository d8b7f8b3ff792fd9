/// Selling by the letter of the law (033–): invoices kept as issued, cancellation invoices, refunds.
extension Migrator {
    static let law: [Migration] = [
        // Every invoice and cancellation invoice as issued (GoBD, §14b UStG): the data behind it as JSON and the PDF
        // (base64), each with its SHA-256, served from here and never worked out again. One invoice and at most one
        // cancellation per order. Invoices of the table before are moved here once, by `InvoiceArchive.adoptEarlier`.
        Migration(id: "2026-11-30-033-invoice-documents", ddl: """
            CREATE TABLE invoice_documents (
                number TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                order_id {uuid} NOT NULL REFERENCES orders(id),
                cancels TEXT REFERENCES invoice_documents(number),
                issued_at {timestamp} NOT NULL,
                total_cents {bigint} NOT NULL,
                data TEXT NOT NULL,
                data_sha256 TEXT NOT NULL,
                pdf TEXT NOT NULL,
                pdf_sha256 TEXT NOT NULL,
                UNIQUE (order_id, kind)
            );
            CREATE INDEX invoice_documents_issued ON invoice_documents (issued_at)
            """),
        // What the dealer owes a customer back: a paid order cancelled before it left, or a parcel that came back.
        Migration(id: "2026-11-30-034-refunds", ddl: """
            CREATE TABLE refunds (
                order_id {uuid} PRIMARY KEY REFERENCES orders(id),
                amount_cents {bigint} NOT NULL,
                reason TEXT NOT NULL,
                recorded_at {timestamp} NOT NULL,
                recorded_by TEXT NOT NULL,
                paid_at {timestamp},
                paid_by TEXT,
                paid_note TEXT
            );
            CREATE INDEX refunds_open ON refunds (paid_at, recorded_at)
            """),
        // The legal pages' texts as staff saved them, every version kept; none saved: the shipped template.
        Migration(id: "2026-11-30-035-legal-texts", ddl: """
            CREATE TABLE legal_texts (
                page TEXT NOT NULL,
                language TEXT NOT NULL,
                version INTEGER NOT NULL,
                markdown TEXT NOT NULL,
                saved_at {timestamp} NOT NULL,
                saved_by TEXT NOT NULL,
                PRIMARY KEY (page, language, version)
            )
            """),
        // PostgreSQL: the plain time index back beside the covering one (032 dropped it). A page number typed deep
        // into the order list counts the skipped orders in an index alone; in the narrow one that walk is a third of
        // the pages (bench/backoffice: ?page=1000 took 21.7 ms with the covering index only, 15 ms with this one).
        Migration(id: "2026-11-30-036-order-list-narrow-index", ddl: "SELECT 1", postgres: """
            CREATE INDEX IF NOT EXISTS orders_created ON orders (created_at, number)
            """),
        // VAT by destination (§3c, §18j UStG): the member state whose VAT a quote was priced with, and its order's.
        // Everything before was German VAT.
        Migration(id: "2026-11-30-037-vat-country", ddl: """
            ALTER TABLE quotes ADD COLUMN vat_country TEXT NOT NULL DEFAULT 'DE';
            ALTER TABLE orders ADD COLUMN vat_country TEXT NOT NULL DEFAULT 'DE'
            """),
    ]
}
