import Foundation
import TresorCore
import TresorStore

/// Who asks to see an order: a guest by the access token in their link, a customer by their account, staff,
/// or the checkout that placed it a moment ago (a second click lands on the same order).
public struct OrderViewer: Sendable, Hashable {
    public var token: String?
    public var customerID: UUID?
    public var staff: StaffMember?
    /// The order number this visitor's checkout placed last.
    public var placedHere: String?

    public init(token: String? = nil, customerID: UUID? = nil, staff: StaffMember? = nil, placedHere: String? = nil) {
        self.token = token
        self.customerID = customerID
        self.staff = staff
        self.placedHere = placedHere
    }
}

/// What pages, the API and the command line read of orders, with the one rule of who may see which.
extension OrderDesk {
    /// The one rule: the customer who placed it (by its access token, their logged-in account, or the checkout
    /// that just placed it) and staff whose role reads orders. Everyone else learns nothing, not even that the
    /// order exists.
    public func mayView(_ order: Order, _ viewer: OrderViewer) async throws -> Bool {
        if viewer.staff?.role.may(.viewOrders) == true || viewer.placedHere == order.number { return true }
        if let customer = viewer.customerID, order.customerID == customer { return true }
        guard let token = viewer.token, !token.isEmpty else { return false }
        return OrderAccessToken.verify(token, orderID: order.id, key: try await secrets.key("order-access"))
    }

    /// The order, if `viewer` may see it.
    public func order(number: String, seenBy viewer: OrderViewer) async throws -> Order? {
        guard let order = try await database.read({ sql in try await OrderRepository(sql).find(number: number) }),
              try await mayView(order, viewer) else { return nil }
        return order
    }

    /// The order placed on a quote, if `viewer` may see it (a second click on a quote already ordered).
    public func order(quoteID: UUID, seenBy viewer: OrderViewer) async throws -> Order? {
        guard let order = try await database.read({ sql in try await OrderRepository(sql).find(quoteID: quoteID) }),
              try await mayView(order, viewer) else { return nil }
        return order
    }

    /// An invoice by its number, if `viewer` may see its order.
    public func invoice(number: String, seenBy viewer: OrderViewer) async throws -> Invoice? {
        guard let invoice = try await database.read({ sql in try await InvoiceRepository(sql).find(number: number) }),
              try await mayView(invoice.order, viewer) else { return nil }
        return invoice
    }

    /// A document's PDF exactly as it was issued, if `viewer` may see its order.
    public func invoicePDF(number: String, seenBy viewer: OrderViewer) async throws -> (invoice: Invoice, pdf: Data)? {
        guard let found = try await database.read({ sql -> (Invoice, Data)? in
            let invoices = InvoiceRepository(sql)
            guard let invoice = try await invoices.find(number: number), let pdf = try await invoices.pdf(number: number) else { return nil }
            return (invoice, pdf)
        }), try await mayView(found.0.order, viewer) else { return nil }
        return found
    }

    /// An order's documents (its invoice, and the cancellation invoice if its goods came back), oldest first.
    public func documents(orderID: UUID) async throws -> [Invoice] {
        try await database.read { sql in
            let invoices = InvoiceRepository(sql)
            return [try await invoices.find(orderID: orderID), try await invoices.find(orderID: orderID, kind: .cancellation)].compactMap { $0 }
        }
    }

    /// The token that lets a guest open their order from a link.
    public func accessToken(for order: Order) async throws -> String {
        OrderAccessToken.make(orderID: order.id, key: try await secrets.key("order-access"))
    }

    /// A customer's orders (newest first, at most 200) and the invoice numbers of those that have one.
    public func account(customerID: UUID) async throws -> (orders: [Order], invoices: [UUID: String]) {
        try await database.read { sql in
            (try await OrderRepository(sql).list(customerID: customerID, limit: 200),
             try await InvoiceRepository(sql).numbers(customerID: customerID))
        }
    }

    // MARK: for staff

    /// Orders, newest first, optionally in one status.
    public func list(status: OrderStatus?, limit: Int) async throws -> [Order] {
        try await database.read { sql in try await OrderRepository(sql).list(status: status, limit: limit) }
    }

    /// One page of the back office's order list (`ListPage.size` orders, newest first).
    public func search(_ filter: OrderFilter, page: Int) async throws -> ListPage<Order> {
        // After a cursor the page starts there; without one (a page typed into the address) it counts from the start.
        let offset = filter.after == nil ? ListPage<Order>.offset(page) : 0
        let found = try await database.read { sql in
            try await OrderRepository(sql).search(filter, limit: ListPage<Order>.size + 1, offset: offset)
        }
        return ListPage(reading: found, number: max(1, min(page, 100_000)))
    }

    /// One order with its history.
    public func history(number: String) async throws -> (order: Order, events: [OrderEvent])? {
        try await database.read { sql in
            let orders = OrderRepository(sql)
            guard let order = try await orders.find(number: number) else { return nil }
            return (order, try await orders.events(orderID: order.id))
        }
    }

    /// A document by its own number (R-…, S-…) or an order's invoice by the order's number (T-…), with its PDF as
    /// issued.
    public func invoice(number: String) async throws -> (invoice: Invoice, pdf: Data)? {
        try await database.read { sql in
            let invoices = InvoiceRepository(sql)
            var found = try await invoices.find(number: number)
            if found == nil, let order = try await OrderRepository(sql).find(number: number) { found = try await invoices.find(orderID: order.id) }
            guard let invoice = found, let pdf = try await invoices.pdf(number: invoice.number) else { return nil }
            return (invoice, pdf)
        }
    }

    /// The market loss recorded for an order cancelled unpaid.
    public func marketLoss(number: String) async throws -> Money? {
        try await database.read { sql in try await OrderRepository(sql).marketLoss(number: number) }
    }
}
