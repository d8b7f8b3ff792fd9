import TresorCore

/// The back office's pages, under `/backoffice` (German) and `/en/backoffice` (English), and what a role must be
/// allowed to open each (`permission`): with `StaffRole.permissions` in the core, the one table that decides every
/// back-office route. A route not listed in `all` is refused by `StaffGate`.
enum BackOfficePage: Hashable, Sendable {
    case login
    /// The first sign-in's new password, and later changes.
    case password
    case logout, logoutEverywhere
    case dashboard
    case orders
    case order(number: String)
    case orderStep(number: String, OrderStep)
    case packingSlip(number: String)
    case audit

    /// The forms on an order's page, one per step the state machine knows.
    enum OrderStep: String, Hashable, Sendable, CaseIterable {
        case markPaid = "mark-paid"
        case identify, pack, ship, deliver, cancel, release
    }

    func segment(_ parameter: (String) -> String) -> String {
        switch self {
        case .login: "backoffice/login"
        case .password: "backoffice/password"
        case .logout: "backoffice/logout"
        case .logoutEverywhere: "backoffice/logout-everywhere"
        case .dashboard: "backoffice"
        case .orders: "backoffice/orders"
        case .order(let number): "backoffice/orders/" + parameter(number)
        case .orderStep(let number, let step): "backoffice/orders/" + parameter(number) + "/" + step.rawValue
        case .packingSlip(let number): "backoffice/orders/" + parameter(number) + "/packing-slip"
        case .audit: "backoffice/audit"
        }
    }

    /// What the signed-in member's role must allow; nil only for the sign-in page, which needs no session.
    var permission: StaffPermission? {
        switch self {
        case .login: nil
        case .password, .logout, .logoutEverywhere, .dashboard: .backOffice
        case .orders, .order, .packingSlip: .viewOrders
        case .orderStep(_, let step): step.action.permission
        case .audit: .audit
        }
    }

    /// Every page shape, parameters as router patterns (`:number`): what the gate and the permission test walk.
    static let all: [BackOfficePage] = [.login, .password, .logout, .logoutEverywhere, .dashboard, .orders, .order(number: ":number"),
                                        .packingSlip(number: ":number"), .audit]
        + OrderStep.allCases.map { .orderStep(number: ":number", $0) }
}

extension BackOfficePage.OrderStep {
    /// The state machine's action for this form (tracking number and reason are filled in from the form).
    var action: OrderAction {
        switch self {
        case .markPaid: .markPaid
        case .identify: .identify
        case .pack: .pack
        case .ship: .ship(trackingNumber: "")
        case .deliver: .deliver
        case .cancel: .cancel(reason: "")
        case .release: .release
        }
    }
}
