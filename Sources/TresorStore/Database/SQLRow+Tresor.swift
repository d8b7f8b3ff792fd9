import Foundation
import SQLKit
import TresorCore

/// A stored value that cannot be read back as what it should be: the database was changed by hand.
public struct CorruptRow: Error, CustomStringConvertible, Sendable {
    public var description: String
}

extension SQLRow {
    func string(_ column: String) throws -> String { try decode(column: column, as: String.self) }
    func int(_ column: String) throws -> Int { try decode(column: column, as: Int.self) }
    func optionalInt(_ column: String) throws -> Int? { try decode(column: column, as: Int?.self) }
    func int64(_ column: String) throws -> Int64 { try decode(column: column, as: Int64.self) }
    func bool(_ column: String) throws -> Bool { try decode(column: column, as: Bool.self) }
    func date(_ column: String) throws -> Date { try decode(column: column, as: Date.self) }
    func optionalDate(_ column: String) throws -> Date? { try decode(column: column, as: Date?.self) }
    func uuid(_ column: String) throws -> UUID { try decode(column: column, as: UUID.self) }
    func money(_ column: String) throws -> Money { Money(cents: try int64(column)) }

    /// Decimals are stored as text so that no database rounds them.
    func decimal(_ column: String) throws -> Decimal {
        let text = try string(column)
        guard let value = Decimal.strict(text) else { throw CorruptRow(description: "\(column) is not a decimal: \(text)") }
        return value
    }

    func optionalDecimal(_ column: String) throws -> Decimal? {
        guard let text = try decode(column: column, as: String?.self) else { return nil }
        guard let value = Decimal.strict(text) else { throw CorruptRow(description: "\(column) is not a decimal: \(text)") }
        return value
    }

    func enumValue<E: RawRepresentable>(_ column: String, as type: E.Type) throws -> E where E.RawValue == String {
        let text = try string(column)
        guard let value = E(rawValue: text) else { throw CorruptRow(description: "\(column) has unknown value \(text)") }
        return value
    }
}
