import Foundation

/// What one rule said about one transaction: the rule, the figures it looked at, its outcome and why. Every result
/// is stored with the order and appended to the audit trail (GwG: each decision is kept with its reasons).
public struct ComplianceRuleResult: Sendable, Hashable, Codable {
    public var rule: String
    public var outcome: ComplianceOutcome
    public var inputs: [String: String]
    public var explanation: String

    public init(rule: String, outcome: ComplianceOutcome, inputs: [String: String], explanation: String) {
        self.rule = rule
        self.outcome = outcome
        self.inputs = inputs
        self.explanation = explanation
    }
}

/// One anti-money-laundering rule; its thresholds are dated data. Nil: the rule does not apply to this transaction
/// or is not in force on its day.
public protocol ComplianceRule: Sendable {
    func result(_ input: ComplianceInput) -> ComplianceRuleResult?
}

extension ComplianceOutcome {
    /// How strict an outcome is: the strictest result decides.
    public var severity: Int {
        switch self {
        case .allow: 0
        case .review: 1
        case .needsIdentification: 2
        case .hold: 3
        case .refuse: 4
        }
    }
}

extension ComplianceDecision {
    /// The strictest of the results decides; its rules and reasons are named. No result: allowed.
    public init(combining results: [ComplianceRuleResult]) {
        let strictest = results.map(\.outcome).max { $0.severity < $1.severity } ?? .allow
        let deciding = results.filter { $0.outcome == strictest }
        if deciding.isEmpty {
            self.init(outcome: .allow, rule: "AML rules", explanation: "no rule applies")
        } else {
            self.init(outcome: strictest, rule: deciding.map(\.rule).joined(separator: "; "),
                      explanation: deciding.map(\.explanation).joined(separator: "; "))
        }
    }
}

/// The rules a German dealer follows (DESIGN.md, anti-money laundering), behind the one `ComplianceCheck` seam.
public struct ComplianceEngine: ComplianceCheck {
    public var rules: [any ComplianceRule]

    public init(rules: [any ComplianceRule]) { self.rules = rules }

    /// Cash from €2,000, the AMLR's €10,000 from 2027-07-10 (due diligence, and no cash above it), the house threshold
    /// for other payments, and §25c Abs. 6 UStG for investment gold over €15,000.
    public static func germany(houseThreshold: Money = HouseThresholdRule.standard) -> ComplianceEngine {
        ComplianceEngine(rules: [CashIdentificationRule(), OccasionalTransactionRule(), CashCapRule(),
                                 HouseThresholdRule(amount: houseThreshold), InvestmentGoldRecordRule()])
    }

    public func results(_ input: ComplianceInput) -> [ComplianceRuleResult] {
        rules.compactMap { $0.result(input) }
    }
}

/// The threshold in force on a day, from a dated list.
func threshold(_ list: [DatedThreshold], on date: Date) -> Money? {
    list.last { $0.validFrom <= date }?.amount
}

/// The figures every rule records.
func figures(_ input: ComplianceInput, _ extra: [String: String] = [:]) -> [String: String] {
    ["total": input.total.decimalString, "payment": input.payment.rawValue, "linkedTotal": input.linked.total.decimalString,
     "linkedCash": input.linked.cash.decimalString, "linkedOrders": input.linked.numbers.joined(separator: ",")]
        .merging(extra) { $1 }
}

/// Identification when this transaction and the linked ones reach `limit`, whatever the payment.
func linkedSum(_ input: ComplianceInput, reaching limit: Money, rule: String) -> ComplianceRuleResult {
    let sum = input.total + input.linked.total
    let reached = sum >= limit
    return ComplianceRuleResult(rule: rule, outcome: reached ? .needsIdentification : .allow,
                                inputs: figures(input, ["threshold": limit.decimalString]),
                                explanation: "\(sum.decimalString) EUR with linked \(reached ? "≥" : "<") \(limit.decimalString) EUR")
}

/// EU AMLR (2024/1624) Art. 19, from 2027-07-10: an occasional transaction of €10,000 or more, alone or with
/// linked ones, needs customer due diligence.
public struct OccasionalTransactionRule: ComplianceRule {
    public static let amlr = [DatedThreshold(validFrom: CivilDate.berlinMidnight(2027, 7, 10), amount: Money(cents: 1_000_000))]
    public var thresholds = OccasionalTransactionRule.amlr

    public init() {}

    public func result(_ input: ComplianceInput) -> ComplianceRuleResult? {
        guard let limit = threshold(thresholds, on: input.at) else { return nil }
        return linkedSum(input, reaching: limit, rule: "AMLR occasional transaction")
    }
}

/// EU AMLR (2024/1624) Art. 80, from 2027-07-10: no cash payment above €10,000, alone or linked.
public struct CashCapRule: ComplianceRule {
    public static let amlr = [DatedThreshold(validFrom: CivilDate.berlinMidnight(2027, 7, 10), amount: Money(cents: 1_000_000))]
    public var thresholds = CashCapRule.amlr

    public init() {}

    public func result(_ input: ComplianceInput) -> ComplianceRuleResult? {
        guard input.payment == .cash, let cap = threshold(thresholds, on: input.at) else { return nil }
        let sum = input.total + input.linked.cash
        let above = sum > cap
        return ComplianceRuleResult(rule: "AMLR cash cap", outcome: above ? .refuse : .allow,
                                    inputs: figures(input, ["cap": cap.decimalString]),
                                    explanation: "cash \(sum.decimalString) EUR with linked \(above ? ">" : "≤") \(cap.decimalString) EUR")
    }
}

/// The dealer's own threshold for payments other than cash (no legal one applies): identify from this amount,
/// alone or linked.
public struct HouseThresholdRule: ComplianceRule {
    public static let standard = Money(cents: 1_000_000)
    public var amount: Money

    public init(amount: Money = HouseThresholdRule.standard) { self.amount = amount }

    public func result(_ input: ComplianceInput) -> ComplianceRuleResult? {
        guard input.payment != .cash else { return nil }
        return linkedSum(input, reaching: amount, rule: "house threshold")
    }
}

/// §25c Abs. 6 UStG: a dealer keeps the identity of whoever buys investment gold for more than €15,000.
public struct InvestmentGoldRecordRule: ComplianceRule {
    public static let germany = [DatedThreshold(validFrom: CivilDate.berlinMidnight(2004, 1, 1), amount: Money(cents: 1_500_000))]
    public var thresholds = InvestmentGoldRecordRule.germany

    public init() {}

    public func result(_ input: ComplianceInput) -> ComplianceRuleResult? {
        guard input.investmentGold > .zero, let limit = threshold(thresholds, on: input.at) else { return nil }
        let above = input.investmentGold > limit
        return ComplianceRuleResult(rule: "§25c Abs. 6 UStG record", outcome: above ? .needsIdentification : .allow,
                                    inputs: figures(input, ["investmentGold": input.investmentGold.decimalString, "threshold": limit.decimalString]),
                                    explanation: "investment gold \(input.investmentGold.decimalString) EUR \(above ? ">" : "≤") \(limit.decimalString) EUR")
    }
}
