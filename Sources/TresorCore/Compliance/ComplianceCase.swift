import Foundation

/// Where a suspicious-activity case stands (§43 GwG): compliance works it until it is reported to the FIU (goAML) or
/// closed without a report. The customer never learns of it (§47 GwG).
public enum CaseStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case open
    case reported
    case closed
}

/// A case: what was flagged (an order, a customer account, or both), by whom and why, and where it stands.
public struct ComplianceCase: Sendable, Hashable, Identifiable {
    public var id: UUID
    /// `V-2026-000001` (Verdachtsfall), gapless per year.
    public var number: String
    public var status: CaseStatus
    public var orderNumber: String?
    public var customerID: UUID?
    /// Who the case is about, as staff read it: name and e-mail.
    public var subject: String
    public var reason: String
    public var openedBy: String
    public var openedAt: Date
    /// The FIU's reference once reported.
    public var fiuReference: String?
    public var updatedAt: Date

    public init(id: UUID = UUID(), number: String, status: CaseStatus, orderNumber: String?, customerID: UUID?, subject: String,
                reason: String, openedBy: String, openedAt: Date, fiuReference: String? = nil, updatedAt: Date) {
        self.id = id
        self.number = number
        self.status = status
        self.orderNumber = orderNumber
        self.customerID = customerID
        self.subject = subject
        self.reason = reason
        self.openedBy = openedBy
        self.openedAt = openedAt
        self.fiuReference = fiuReference
        self.updatedAt = updatedAt
    }

    public static func number(year: Int, sequence: Int) -> String {
        "V-\(year)-" + OrderNumbers.padded(sequence)
    }
}

/// A note on a case: what compliance found or decided, in order.
public struct CaseNote: Sendable, Hashable, Codable {
    public var at: Date
    public var by: String
    public var text: String

    public init(at: Date, by: String, text: String) {
        self.at = at
        self.by = by
        self.text = text
    }
}

/// Whether the account a transfer came from belongs to the customer: the words of the payer's name, normalised
/// (`LinkKeys.normalised`), cover the customer's name, in any order, an initial standing for a word ("E. Mustermann"),
/// a joint account naming more people ("Erika und Max Mustermann") still matching. A name that does not is a
/// payment from a third party: paid, but compliance looks at it.
public enum PayerCheck {
    public static func matches(payer: String, customer: String) -> Bool {
        let paid = LinkKeys.normalised(payer).split(separator: " ").map(String.init)
        let ordered = LinkKeys.normalised(customer).split(separator: " ").map(String.init)
        guard !paid.isEmpty, !ordered.isEmpty else { return false }
        let (short, long) = paid.count <= ordered.count ? (paid, ordered) : (ordered, paid)
        var left = long
        for word in short {
            let index = left.firstIndex { $0 == word } ?? left.firstIndex { other in
                (word.count == 1 && other.hasPrefix(word)) || (other.count == 1 && word.hasPrefix(other))
            }
            guard let index else { return false }
            left.remove(at: index)
        }
        // One matching word is not enough when the other side names more: "Erika" alone could be anyone called Erika.
        return short.count >= 2 || long.count == 1
    }
}
