import Foundation

/// One credit or debit as the bank booked it, one per transaction (a batch entry yields several).
public struct BankEntry: Sendable, Hashable {
    /// The bank's own reference: what makes an entry unique across imports.
    public var bankReference: String
    public var amount: Money
    public var isCredit: Bool
    public var bookingDate: String?
    public var debtorName: String?
    /// `RmtInf/Ustrd`, repeated elements joined as the bank split one line.
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

    /// The creditor reference the payer gave, structured first, else found in the free text.
    public var creditorReference: String? {
        if let structured = structuredReference, CreditorReference.isValid(structured) {
            return structured.uppercased().filter { $0 != " " }
        }
        return CreditorReference.find(in: remittance)
    }
}
