import Foundation

/// A member of the dealer's staff; every staff action is recorded with one of these.
public struct StaffMember: Sendable, Hashable {
    public var id: UUID
    public var email: String
    public var name: String

    public init(id: UUID, email: String, name: String) {
        self.id = id
        self.email = email
        self.name = name
    }
}
