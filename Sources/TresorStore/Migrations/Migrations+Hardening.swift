/// Migrations of issue 10: the service layer's actors and the guards in front of the shop.
extension Migrator {
    static let hardening: [Migration] = [
        // Only an active staff member may act or be named as acting; a disabled one keeps their history.
        Migration(id: "2026-11-30-018-staff-disabled", ddl: """
            ALTER TABLE staff ADD COLUMN disabled_at {timestamp}
            """),
    ]
}
