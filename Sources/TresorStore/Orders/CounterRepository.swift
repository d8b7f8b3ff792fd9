import SQLKit

/// Gapless counters (order and invoice numbers): the next value is drawn inside the caller's transaction,
/// so a rolled-back order gives its number back.
public struct CounterRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// Increments counter `name` (creating it at 1) and returns the new value. The row lock this takes on
    /// PostgreSQL serialises concurrent callers until their transactions end.
    public func next(_ name: String) async throws -> Int {
        let rows = try await sql.rows("""
            INSERT INTO counters (name, value) VALUES (\(bind: name), 1)
            ON CONFLICT (name) DO UPDATE SET value = counters.value + 1
            RETURNING value
            """)
        guard let value = try rows.first?.int("value") else { throw CorruptRow(description: "counter \(name) returned nothing") }
        return value
    }
}
