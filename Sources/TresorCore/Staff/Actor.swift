import Foundation

/// Who asks for a change. Every service method that changes something takes one and records it with the
/// change, so the history of an order, an article or a price always says who did it.
public enum Actor: Sendable, Hashable {
    /// Someone on the shop without an account, known by their network address.
    case visitor(address: String)
    /// A logged-in customer.
    case customer(id: UUID, address: String)
    /// A known, active member of the dealer's staff (the services check this before they act).
    case staff(StaffMember)
    /// The shop itself: a background job, named.
    case system(job: String)

    /// How the actor is written into histories: a staff member's e-mail, `customer`, or `system:` and the job.
    public var recorded: String {
        switch self {
        case .visitor: "customer"
        case .customer(let id, _): "customer:" + id.uuidString.lowercased()
        case .staff(let member): member.email
        case .system(let job): "system:" + job
        }
    }

    /// The staff member, if a staff member asks.
    public var staffMember: StaffMember? {
        if case .staff(let member) = self { return member }
        return nil
    }

    /// The account of a logged-in customer.
    public var customerID: UUID? {
        if case .customer(let id, _) = self { return id }
        return nil
    }

    /// The network address of a customer or visitor, for consent proofs and limits.
    public var address: String? {
        switch self {
        case .visitor(let address), .customer(_, let address): address
        case .staff, .system: nil
        }
    }
}
