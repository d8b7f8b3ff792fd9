import Crypto
import Foundation
import SQLKit

/// Server secrets kept in the database, so every instance of a cluster signs alike; created on first use.
public struct SecretRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// The secret `name`, created from 32 random bytes the first time it is asked for.
    public func secret(_ name: String) async throws -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        let fresh = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        try await sql.execute("INSERT INTO secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", [name, fresh])
        let hex = try await sql.rows("SELECT value FROM secrets WHERE name = ?", [name]).first?.string("value") ?? fresh
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
            bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return bytes
    }
}

/// Bearer tokens that let a guest read their own order: an HMAC of the order id, so a repeated
/// (idempotent) request returns the same token and nothing secret is stored per order.
public enum OrderAccessToken {
    public static func make(orderID: UUID, key: [UInt8]) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(("order-access:" + orderID.uuidString).utf8), using: SymmetricKey(data: key))
        return "toa_" + mac.map { String(format: "%02x", $0) }.joined()
    }

    public static func verify(_ token: String, orderID: UUID, key: [UInt8]) -> Bool {
        let expected = Array(make(orderID: orderID, key: key).utf8)
        let given = Array(token.utf8)
        guard expected.count == given.count else { return false }
        // Constant time: every byte is compared whatever the first difference.
        return zip(expected, given).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
