import Crypto
import Foundation
import TresorCore

/// Bearer tokens that let a guest read their own order: an HMAC of the order id, so a repeated
/// (idempotent) request returns the same token and nothing secret is stored per order.
public enum OrderAccessToken {
    public static func make(orderID: UUID, key: [UInt8]) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(("order-access:" + orderID.uuidString).utf8), using: SymmetricKey(data: key))
        return "toa_" + Hex.encode(mac)
    }

    public static func verify(_ token: String, orderID: UUID, key: [UInt8]) -> Bool {
        let expected = Array(make(orderID: orderID, key: key).utf8)
        let given = Array(token.utf8)
        guard expected.count == given.count else { return false }
        // Constant time: every byte is compared whatever the first difference.
        return zip(expected, given).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
