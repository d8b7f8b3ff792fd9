import Foundation

/// What the compliance check says about a transaction before it is accepted.
public enum ComplianceOutcome: String, Sendable, Hashable, Codable {
    case allow
    /// Goes on, but compliance looks at it: a case is opened (a payment from a third party).
    case review
    /// The order waits until staff record a checked identity document.
    case needsIdentification = "needs_identification"
    /// The order waits for the compliance officer.
    case hold
    /// Not accepted at all (cash above the AMLR cap).
    case refuse
}

/// The facts a compliance rule looks at: this transaction, and the customer's linked ones.
public struct ComplianceInput: Sendable, Hashable {
    public var total: Money
    public var payment: PaymentMethod
    public var at: Date
    /// This order's investment gold (§25c UStG), for the record §25c Abs. 6 asks for.
    public var investmentGold: Money
    /// The customer's other transactions within the window (`LinkedTransactions`).
    public var linked: LinkedTotals

    public init(total: Money, payment: PaymentMethod, at: Date, investmentGold: Money = .zero, linked: LinkedTotals = .none) {
        self.total = total
        self.payment = payment
        self.at = at
        self.investmentGold = investmentGold
        self.linked = linked
    }
}

/// A customer's other orders (and, later, buy-backs) within the window that are not cancelled: their sum, the cash
/// among it, and their numbers for the record.
public struct LinkedTotals: Sendable, Hashable {
    public var total: Money
    public var cash: Money
    public var numbers: [String]

    public init(total: Money, cash: Money, numbers: [String]) {
        self.total = total
        self.cash = cash
        self.numbers = numbers
    }

    public static let none = LinkedTotals(total: .zero, cash: .zero, numbers: [])
}

/// One decision, recorded with the rule, its inputs and the outcome (GwG: every decision is kept).
public struct ComplianceDecision: Sendable, Hashable, Codable {
    public var outcome: ComplianceOutcome
    public var rule: String
    public var explanation: String

    public init(outcome: ComplianceOutcome, rule: String, explanation: String) {
        self.outcome = outcome
        self.rule = rule
        self.explanation = explanation
    }
}

/// The one seam every order passes before acceptance: the results of its rules, the strictest deciding.
public protocol ComplianceCheck: Sendable {
    func results(_ input: ComplianceInput) -> [ComplianceRuleResult]
}

extension ComplianceCheck {
    public func evaluate(_ input: ComplianceInput) -> ComplianceDecision { ComplianceDecision(combining: results(input)) }
}

/// A threshold with the day it applies from: thresholds are dated data, not constants.
public struct DatedThreshold: Sendable, Hashable {
    public var validFrom: Date
    public var amount: Money
    public init(validFrom: Date, amount: Money) {
        self.validFrom = validFrom
        self.amount = amount
    }
}

/// GwG §10 (6a): cash of €2,000 or more, paid in or out, alone or with linked cash, requires identification
/// (since 2020-01-01).
public struct CashIdentificationRule: ComplianceCheck, ComplianceRule {
    public let thresholds: [DatedThreshold]

    public init(thresholds: [DatedThreshold] = CashIdentificationRule.germany) {
        self.thresholds = thresholds.sorted { $0.validFrom < $1.validFrom }
    }

    /// €10,000 until 2019 (GwG 2017), €2,000 from 2020-01-01.
    public static let germany = [
        DatedThreshold(validFrom: CivilDate.utcMidnight(2017, 6, 26), amount: Money(cents: 1_000_000)),
        DatedThreshold(validFrom: CivilDate.utcMidnight(2020, 1, 1), amount: Money(cents: 200_000)),
    ]

    public func results(_ input: ComplianceInput) -> [ComplianceRuleResult] { result(input).map { [$0] } ?? [] }

    public func result(_ input: ComplianceInput) -> ComplianceRuleResult? {
        guard input.payment == .cash, let limit = threshold(thresholds, on: input.at) else { return nil }
        let sum = input.total + input.linked.cash
        let reached = sum >= limit
        let amount = input.linked.cash == .zero ? "cash \(input.total.decimalString) EUR"
            : "cash \(sum.decimalString) EUR (this \(input.total.decimalString), linked \(input.linked.cash.decimalString))"
        return ComplianceRuleResult(rule: "GwG cash identification", outcome: reached ? .needsIdentification : .allow,
                                    inputs: figures(input, ["threshold": limit.decimalString]),
                                    explanation: "\(amount) \(reached ? "≥" : "<") \(limit.decimalString) EUR")
    }
}

/// Cash at the counter (§10 Abs. 3 Nr. 2 GwG): when a cash order is handed over, the cash changes hands, so the
/// identification rule is asked again for that moment. An order whose cash needs identification is handed over
/// only once its customer was identified (the check at placement already sent it there; thresholds are dated
/// data and may have changed since).
public enum CashAtCounter {
    /// Why the goods may not be handed over against this cash now; nil when they may.
    public static func refusal(total: Money, identified: Bool, at date: Date,
                               rule: CashIdentificationRule = CashIdentificationRule()) -> String? {
        guard let result = rule.result(ComplianceInput(total: total, payment: .cash, at: date)),
              result.outcome == .needsIdentification, !identified else { return nil }
        return "identify the customer first: \(result.explanation) (§10 GwG)"
    }
}
