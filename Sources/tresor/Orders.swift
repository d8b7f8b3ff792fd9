import ArgumentParser
import Foundation
import TresorCore
import TresorServices

/// `tresor orders …`: the staff side of orders until the back office has a web UI; every action needs `--by`.
struct Orders: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, show and move orders (staff).",
        subcommands: [List.self, Show.self, MarkPaid.self, Pack.self, Ship.self, Deliver.self, Cancel.self, Return.self, Identify.self,
                      Hold.self, Release.self, Invoice.self]
    )

    /// Runs `body` with the order desk of the configured shop; its refusals become messages, not stack traces.
    static func withDesk<T: Sendable>(_ body: (OrderDesk, Shop) async throws -> T) async throws -> T {
        do {
            return try await Environment.withShop { _, shop in try await body(shop.orders, shop) }
        } catch let problem as OrderActionProblem {
            throw ValidationError(problem.description)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Orders, newest first.")
        @Option(help: "Only orders in this status (awaiting_payment, paid, …).") var status: String?
        @Option(help: "At most this many.") var limit = 50

        func run() async throws {
            let filter = try status.map { text in
                guard let status = OrderStatus(rawValue: text) else {
                    throw ValidationError("unknown status \(text); one of \(OrderStatus.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return status
            }
            let orders = try await Orders.withDesk { desk, _ in try await desk.list(status: filter, limit: limit) }
            if orders.isEmpty { print("No orders.") }
            for order in orders {
                print([order.number, order.status.rawValue, order.total.decimalString + " EUR", order.payment.rawValue,
                       order.shipping.rawValue, order.customer.name, ISO8601DateFormatter().string(from: order.createdAt)]
                    .joined(separator: "\t"))
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One order with its lines and events.")
        @Argument(help: "Order number, e.g. T-2026-000123.") var number: String

        func run() async throws {
            guard let (order, events) = try await Orders.withDesk({ desk, _ in try await desk.history(number: number) }) else {
                throw ValidationError("no order \(number)")
            }
            let c = order.customer
            print("""
                \(order.number)  \(order.status.rawValue)
                \(c.name) <\(c.email)>, \(c.street), \(c.postalCode) \(c.city), \(c.country)
                \(order.shipping.rawValue), \(order.payment.rawValue), reference \(order.paymentReference)\
                \(order.dueAt.map { ", due " + ISO8601DateFormatter().string(from: $0) } ?? "")
                compliance: \(order.compliance.outcome.rawValue) (\(order.compliance.rule): \(order.compliance.explanation))
                """)
            for line in order.lines {
                print("  \(line.quantity) × \(line.sku) \(line.name) à \(line.unitPrice.decimalString) = \(line.lineTotal.decimalString) EUR"
                      + " (\(line.vatRegime.rawValue), VAT \(line.vat.decimalString))")
            }
            print("  shipping \(order.shippingFee.decimalString) EUR, total \(order.total.decimalString) EUR")
            for event in events {
                print("  \(event.actor): \(event.action) \(event.from?.rawValue ?? "–") → \(event.to.rawValue) \(event.note)")
            }
        }
    }

    /// What every action takes: the order, who does it, and an optional note.
    struct ActionArguments: ParsableArguments {
        @Argument(help: "Order number, e.g. T-2026-000123.") var number: String
        @Option(help: "E-mail of the staff member doing this (required, recorded).") var by: String
        @Option(help: "A note for the order's history.") var note = ""

        func apply(_ action: OrderAction) async throws {
            let order = try await Orders.withDesk { desk, shop in
                try await desk.apply(action, to: number, by: try await Environment.staff(by, shop), note: note, now: Date())
            }
            print("\(order.number) is now \(order.status.rawValue).")
        }
    }

    struct MarkPaid: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "mark-paid", abstract: "Record the payment (e.g. cash at the counter).")
        @OptionGroup var action: ActionArguments
        func run() async throws { try await action.apply(.markPaid) }
    }

    struct Pack: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The goods are packed.")
        @OptionGroup var action: ActionArguments
        func run() async throws { try await action.apply(.pack) }
    }

    struct Ship: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Handed to the insured carrier.")
        @OptionGroup var action: ActionArguments
        @Option(help: "The carrier's tracking number.") var tracking: String
        func run() async throws { try await action.apply(.ship(trackingNumber: tracking)) }
    }

    struct Deliver: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delivered, or handed over at the counter.")
        @OptionGroup var action: ActionArguments
        func run() async throws { try await action.apply(.deliver) }
    }

    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cancel before shipping; the stock goes back. An unpaid order records the market loss owed.")
        @OptionGroup var action: ActionArguments
        @Option(help: "Why (recorded).") var reason: String

        func run() async throws {
            let a = action
            // The desk decides: an unpaid order records the market loss owed, any other is simply cancelled.
            let outcome = try await Orders.withDesk { desk, shop in
                try await desk.cancel(a.number, reason: reason, by: try await Environment.staff(a.by, shop), note: a.note, now: Date())
            }
            print("\(outcome.0.number) is now \(outcome.0.status.rawValue)."
                  + (outcome.marketLoss.map { " Market loss owed: \($0.decimalString) EUR." } ?? ""))
        }
    }

    struct Return: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A shipped parcel came back (refused, undeliverable): stock back, cancellation invoice, refund owed.")
        @OptionGroup var action: ActionArguments
        @Option(help: "Why it came back (recorded, and on the refund).") var reason: String

        func run() async throws {
            let a = action
            let order = try await Orders.withDesk { desk, shop in
                try await desk.apply(.returnShipment(reason: reason), to: a.number, by: try await Environment.staff(a.by, shop), note: a.note,
                                     now: Date())
            }
            let documents = try await Orders.withDesk { desk, _ in try await desk.documents(orderID: order.id) }
            let cancellation = documents.first { $0.kind == .cancellation }
            print("\(order.number) is now \(order.status.rawValue). Refund owed: \(order.total.decimalString) EUR."
                  + (cancellation.map { " Cancellation invoice \($0.number) reverses \($0.cancels?.number ?? "?")." } ?? ""))
        }
    }

    struct Invoice: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "An order's invoice: its number and totals, or the PDF as issued.")
        @Argument(help: "Order number (T-…), invoice number (R-…) or cancellation invoice number (S-…).") var number: String
        @Option(help: "Write the invoice as PDF to this file.") var pdf: String?

        func run() async throws {
            let found = try await Orders.withDesk { desk, _ in try await desk.invoice(number: number) }
            guard let (invoice, document) = found else {
                throw ValidationError("no invoice for \(number) (an order gets one when its goods leave: shipped, or handed over)")
            }
            if let pdf {
                do { try document.write(to: URL(fileURLWithPath: pdf)) } catch {
                    throw ValidationError("cannot write \(pdf): \(error.localizedDescription)")
                }
            }
            print("\(invoice.number) for \(invoice.order.number), \(ISO8601DateFormatter().string(from: invoice.issuedAt)), "
                  + "total \(invoice.total.decimalString) EUR, VAT \(invoice.vatTotal.decimalString) EUR"
                  + (pdf.map { ", PDF written to \($0)" } ?? ""))
        }
    }
}

/// `tresor stock set`: a counted stock level, recorded as a stock event.
struct Stock: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Stock levels.", subcommands: [Set.self])

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a product's stock, e.g. after a delivery or a count.")
        @Option(help: "Product SKU.") var sku: String
        @Option(help: "The new stock level.") var quantity: Int
        @Option(help: "E-mail of the staff member (required, recorded).") var by: String
        @Option(help: "Why (recorded).") var reason = "stock count"

        func run() async throws {
            let change: Int
            do {
                change = try await Environment.withShop { _, shop in
                    try await shop.stock.set(sku: sku, quantity: quantity, reason: reason, by: try await Environment.staff(by, shop), now: Date())
                }
            } catch let problem as StockProblem {
                throw ValidationError(problem.description)
            }
            print("\(sku): stock \(quantity) (\(change >= 0 ? "+" : "")\(change)).")
        }
    }
}
