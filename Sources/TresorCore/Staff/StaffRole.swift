/// What a member of the dealer's staff does; it decides what they may do (`StaffRole.permissions`).
public enum StaffRole: String, Sendable, Hashable, CaseIterable, Codable {
    /// Everything, including staff and settings.
    case owner
    /// Orders, payments, customers, the call-back queue, held spot prices.
    case sales
    /// Packing, shipping, stock counts.
    case warehouse
    /// News, newsletter, jobs and pages.
    case editor
    /// Identification, holds, customers, the audit trail.
    case compliance

    /// Owner and compliance sign in with a two-factor code always; the others when they have enrolled one.
    public var requiresSecondFactor: Bool { self == .owner || self == .compliance }
}

/// One thing staff may do. Every back-office route, staff API operation and staff command names one, and
/// the table below alone decides who has it.
public enum StaffPermission: String, Sendable, Hashable, CaseIterable, Codable {
    /// Sign in to the back office, see its dashboard, change the own password.
    case backOffice
    /// Read orders and the dashboard.
    case viewOrders
    /// Mark paid, release, cancel with the market loss.
    case manageOrders
    /// Pack, ship, deliver.
    case fulfilOrders
    /// Record an identification, clear or confirm a hold.
    case identify
    /// Work the suspicious-activity cases (§43 GwG): notes, reported to the FIU, closed, the dossier.
    case cases
    /// Import bank statements, assign and dismiss entries.
    case payments
    /// Search customers, see their orders, disable an account.
    case customers
    /// Create and edit products, publish and withdraw them.
    case products
    /// Count stock, with a reason.
    case stock
    /// Confirm or reject held spot prices, enter a price by hand.
    case spot
    /// Articles, their revisions and schedules.
    case news
    /// Campaigns and subscribers, the proof of consent.
    case newsletter
    /// Job postings and applications (CVs).
    case careers
    /// The legal pages' texts (imprint, privacy, terms, withdrawal, shipping, about) and their versions.
    case pages
    /// The call-back queue.
    case callbacks
    /// Read the audit trail.
    case audit
    /// Shop settings: seller data, bank account, shipping table, hotline, quote and payment terms.
    case settings
    /// Add, reset and disable staff.
    case staff
}

extension StaffRole {
    /// The permission table: the one place that says which role may do what.
    public var permissions: Set<StaffPermission> {
        switch self {
        case .owner: Set(StaffPermission.allCases)
        case .sales: [.backOffice, .viewOrders, .manageOrders, .payments, .customers, .spot, .callbacks]
        case .warehouse: [.backOffice, .viewOrders, .fulfilOrders, .stock]
        case .editor: [.backOffice, .news, .newsletter, .careers, .pages]
        case .compliance: [.backOffice, .viewOrders, .identify, .cases, .customers, .audit]
        }
    }

    public func may(_ permission: StaffPermission) -> Bool { permissions.contains(permission) }
}

extension OrderAction {
    /// What a staff member must be allowed to carry out this step.
    public var permission: StaffPermission {
        switch self {
        case .identify, .release, .hold: .identify
        case .markPaid, .markOverdue, .cancel, .returnShipment: .manageOrders
        case .pack, .ship, .deliver: .fulfilOrders
        }
    }
}
