import Foundation

/// A member of the dealer's staff; every staff action is recorded with one of these.
public struct StaffMember: Sendable, Hashable {
    public var id: UUID
    public var email: String
    public var name: String
    public var role: StaffRole

    public init(id: UUID, email: String, name: String, role: StaffRole) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
    }
}
