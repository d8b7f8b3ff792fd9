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

/// A staff member as the staff list shows them: active or disabled (when and by whom), and whether a two-factor
/// secret is enrolled.
public struct StaffRecord: Sendable {
    public var member: StaffMember
    public var disabledAt: Date?
    public var disabledBy: String?
    public var hasSecondFactor: Bool

    public init(member: StaffMember, disabledAt: Date?, disabledBy: String?, hasSecondFactor: Bool) {
        self.member = member
        self.disabledAt = disabledAt
        self.disabledBy = disabledBy
        self.hasSecondFactor = hasSecondFactor
    }
}
