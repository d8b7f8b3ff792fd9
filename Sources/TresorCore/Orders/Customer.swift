import Foundation

/// A registered customer: the account behind logins, carts and "my orders".
public struct Customer: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var details: CustomerDetails
    /// The language of the customer's e-mails.
    public var language: Language

    public init(id: UUID, details: CustomerDetails, language: Language) {
        self.id = id
        self.details = details
        self.language = language
    }
}
