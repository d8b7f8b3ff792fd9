import Foundation

/// What the back office's order list is narrowed to: each criterion optional, combined with AND.
public struct OrderFilter: Sendable, Hashable {
    public var status: OrderStatus?
    public var payment: PaymentMethod?
    public var shipping: ShippingMethod?
    /// Placed at or after.
    public var from: Date?
    /// Placed before.
    public var until: Date?
    /// Found in the order number, the customer's name or e-mail, or the payment reference.
    public var text: String
    /// Only orders after this one in the list's order (newer first): the next page starts where the last one ended,
    /// without counting through the pages before it.
    public var after: String?

    public init(status: OrderStatus? = nil, payment: PaymentMethod? = nil, shipping: ShippingMethod? = nil, from: Date? = nil,
                until: Date? = nil, text: String = "") {
        self.status = status
        self.payment = payment
        self.shipping = shipping
        self.from = from
        self.until = until
        self.text = text
    }

    /// Longest search text taken: anything longer is no one's name, number or address.
    public static let maximumText = 100

    /// The text as searched: trimmed, cut to the maximum, lower case.
    public var searchText: String {
        String(text.trimmingCharacters(in: .whitespacesAndNewlines).prefix(Self.maximumText)).lowercased()
    }
}

/// One page of a list: its entries, the page number (from 1) and whether there is a next one.
public struct ListPage<Entry: Sendable>: Sendable {
    public var entries: [Entry]
    public var number: Int
    public var hasNext: Bool

    public init(entries: [Entry], number: Int, hasNext: Bool) {
        self.entries = entries
        self.number = number
        self.hasNext = hasNext
    }

    /// Entries per page in the back office.
    public static var size: Int { 50 }

    /// The page numbered `number` from up to `size + 1` entries read from its start: the one beyond tells whether a
    /// next page exists, without counting them all.
    public init(reading entries: [Entry], number: Int) {
        self.init(entries: Array(entries.prefix(Self.size)), number: number, hasNext: entries.count > Self.size)
    }

    /// Where page `number` starts (pages count from 1; nonsense counts as the first), capped far beyond any real list.
    public static func offset(_ number: Int) -> Int { (max(1, min(number, 100_000)) - 1) * size }
}
