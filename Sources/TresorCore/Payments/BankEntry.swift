import Foundation

/// One credit or debit as the bank booked it, one per transaction (a batch entry yields several).
public struct BankEntry: Sendable, Hashable {
    /// The bank's own reference: what makes an entry unique across imports.
    public var bankReference: String
    public var amount: Money
    public var isCredit: Bool
    public var bookingDate: String?
    public var debtorName: String?
    /// `RmtInf/Ustrd`: the lines as the bank cut them, joined with line breaks.
    public var remittance: String
    /// `RmtInf/Strd/CdtrRefInf/Ref`
    public var structuredReference: String?

    public init(bankReference: String, amount: Money, isCredit: Bool, bookingDate: String?, debtorName: String?,
                remittance: String, structuredReference: String?) {
        self.bankReference = bankReference
        self.amount = amount
        self.isCredit = isCredit
        self.bookingDate = bookingDate
        self.debtorName = debtorName
        self.remittance = remittance
        self.structuredReference = structuredReference
    }

    /// The remittance lines as the bank cut them.
    public var remittanceLines: [String] { remittance.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// The creditor references the payer gave, most likely first: the structured one, then those read from the
    /// remittance lines (`RemittanceText`).
    public var creditorReferences: [String] {
        var found: [String] = []
        if let structured = structuredReference, CreditorReference.isValid(structured) {
            found.append(structured.uppercased().filter { $0 != " " })
        }
        for reference in RemittanceText.references(in: remittanceLines) where !found.contains(reference) { found.append(reference) }
        return found
    }

    /// The most likely creditor reference.
    public var creditorReference: String? { creditorReferences.first }
}
