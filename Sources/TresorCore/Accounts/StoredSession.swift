import Foundation

/// A visitor's session as stored: who is logged in and where the checkout stands. Only the hash of the
/// cookie value is stored, so a leaked table does not let anyone in.
public struct StoredSession: Sendable, Hashable {
    public var idHash: String
    public var customerID: UUID?
    /// The checkout form as JSON, kept between the steps.
    public var checkout: String
    public var expiresAt: Date

    public init(idHash: String, customerID: UUID?, checkout: String, expiresAt: Date) {
        self.idHash = idHash
        self.customerID = customerID
        self.checkout = checkout
        self.expiresAt = expiresAt
    }
}
