import Foundation

/// What the compliance check says about a transaction before it is accepted.
public enum ComplianceOutcome: String, Sendable, Hashable, Codable {
    case allow
    /// The order waits until staff record a checked identity document.
    case needsIdentification = "needs_identification"
    /// The order waits for the compliance officer.
    case hold
}

/// The facts a compliance rule looks at.
public struct ComplianceInput: Sendable, Hashable {
    public var total: Money
    public var payment: PaymentMethod
    public var at: Date
    public init(total: Money, payment: PaymentMethod, at: Date) {
        self.total = total
        self.payment = payment
        self.at = at
    }
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

/// The one seam every order passes before acceptance; later issues add rules behind it.
public protocol ComplianceCheck: Sendable {
    func evaluate(_ input: ComplianceInput) -> ComplianceDecision
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

/// GwG §10 (6a): cash of €2,000 or more, paid in or out, requires identification (since 2020-01-01).
public struct CashIdentificationRule: ComplianceCheck {
    public let thresholds: [DatedThreshold]

    public init(thresholds: [DatedThreshold] = CashIdentificationRule.germany) {
        self.thresholds = thresholds.sorted { $0.validFrom < $1.validFrom }
    }

    /// €10,000 until 2019 (GwG 2017), €2,000 from 2020-01-01.
    public static let germany = [
        DatedThreshold(validFrom: CivilDate.utcMidnight(2017, 6, 26), amount: Money(cents: 1_000_000)),
        DatedThreshold(validFrom: CivilDate.utcMidnight(2020, 1, 1), amount: Money(cents: 200_000)),
    ]

    public func evaluate(_ input: ComplianceInput) -> ComplianceDecision {
        let rule = "GwG cash identification"
        guard input.payment == .cash else {
            return ComplianceDecision(outcome: .allow, rule: rule, explanation: "not a cash transaction")
        }
        guard let threshold = thresholds.last(where: { $0.validFrom <= input.at }) else {
            return ComplianceDecision(outcome: .allow, rule: rule, explanation: "no threshold in force")
        }
        let limit = threshold.amount.decimalString
        if input.total >= threshold.amount {
            return ComplianceDecision(outcome: .needsIdentification, rule: rule,
                                      explanation: "cash \(input.total.decimalString) EUR ≥ \(limit) EUR")
        }
        return ComplianceDecision(outcome: .allow, rule: rule, explanation: "cash \(input.total.decimalString) EUR < \(limit) EUR")
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
        let decision = rule.evaluate(ComplianceInput(total: total, payment: .cash, at: date))
        guard decision.outcome == .needsIdentification, !identified else { return nil }
        return "identify the customer first: \(decision.explanation) (§10 GwG)"
    }
}
