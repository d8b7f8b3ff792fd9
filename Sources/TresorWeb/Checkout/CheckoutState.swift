import Foundation
import TresorCore

/// Where a visitor's checkout stands, kept in their session between the steps.
struct CheckoutState: Codable, Sendable {
    var details: CustomerDetails?
    var shipping = ShippingMethod.insured
    var payment = PaymentMethod.bankTransfer
    /// The quote the review page shows.
    var quoteID: UUID?
    /// The idempotency key of the order form: one order per checkout, however often it is sent.
    var orderKey = UUID().uuidString
    /// The order this checkout placed last, so a repeated "order" click lands on it.
    var lastOrder: String?

    init() {}

    static func decode(_ json: String) -> CheckoutState {
        (try? JSONDecoder().decode(CheckoutState.self, from: Data(json.utf8))) ?? CheckoutState()
    }

    var json: String { (try? String(decoding: JSONEncoder().encode(self), as: UTF8.self)) ?? "{}" }
}
