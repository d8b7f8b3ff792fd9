import Foundation
import Testing
import TresorCore
@testable import TresorServices
import TresorStore
import TresorTestSupport

/// The back office's order list and dashboard figures, on both databases.
@Suite struct OrderSearchTests {
    let base = OrderDeskTests()
    var now: Date { base.now }

    @Test(arguments: TestDatabase.available)
    func searchPagesAndFigures(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, snapshot) = try await base.shop(database, stock: 20)
            var numbers: [String] = []
            for (name, email) in [("Erika Mustermann", "erika@example.de"), ("Max Krause", "max.krause@example.de"), ("Anna Weiß", "anna_w@example.de")] {
                let quote = try QuoteDesk().quote([("AU-ML-1OZ", 1)], snapshot: snapshot, now: now)
                try await desk.save(quote)
                var request = base.request(quote)
                request.customer = CustomerDetails(email: email, name: name, street: "Heidestraße 17", postalCode: "51147", city: "Köln", country: "DE")
                numbers.append(try await desk.place(request, idempotencyKey: nil, by: .visitor(address: "192.0.2.\(numbers.count + 1)"), now: now).number)
            }
            let search = { (text: String) in try await desk.search(OrderFilter(text: text), page: 1).entries.map(\.number) }
            let all = try await search("")
            #expect(Set(all) == Set(numbers) && all.count == 3)
            #expect(try await search("krause") == [numbers[1]])
            #expect(try await search("KRAUSE") == [numbers[1]])
            #expect(try await search("anna_") == [numbers[2]])  // `_` taken literally
            #expect(try await search("%") == [])  // and `%`
            #expect(try await search(String(numbers[0].prefix(9))).count == 3)  // T-2026-00…
            #expect(try await search(numbers[0]) == [numbers[0]])
            let order = try #require(try await desk.history(number: numbers[0])?.order)
            #expect(try await search(order.paymentReference) == [numbers[0]])
            #expect(try await desk.search(OrderFilter(status: .paid), page: 1).entries.isEmpty)
            #expect(try await desk.search(OrderFilter(from: now.addingTimeInterval(60)), page: 1).entries.isEmpty)
            // A cursor continues after an order in the list's order (newest first; same time: higher number first).
            var after = OrderFilter()
            after.after = numbers[2]
            #expect(try await desk.search(after, page: 2).entries.map(\.number) == [numbers[1], numbers[0]])
            after.after = numbers[0]
            #expect(try await desk.search(after, page: 4).entries.isEmpty)
            let page2 = try await desk.search(OrderFilter(), page: 2)
            #expect(page2.entries.isEmpty && page2.number == 2 && !page2.hasNext)

            // Three coins at the same price, each with the insured shipping fee: the day's figures add them up.
            let figures = try await database.read { sql in
                try await OrderRepository(sql).placed(from: now.addingTimeInterval(-3600), until: now.addingTimeInterval(3600))
            }
            #expect(figures.count == 3 && figures.total == order.total * 3)
            #expect(try await database.read { sql in try await OrderRepository(sql).countByStatus() } == [.awaitingPayment: 3])
        }
    }
}

extension OrderSearchTests {
    /// A name in more orders than a page holds: the first page is the 50 newest of them (on PostgreSQL found among the
    /// newest orders first), the next page continues after the last one shown, and together they hold each once.
    @Test(arguments: TestDatabase.available)
    func aCommonNameFillsPagesInOrder(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, snapshot) = try await base.shop(database, stock: 100)
            var numbers: [String] = [], everyNumber: [String] = []
            for n in 0..<55 {
                let quote = try QuoteDesk().quote([("AU-ML-1OZ", 1)], snapshot: snapshot, now: now)
                try await desk.save(quote)
                var request = base.request(quote)
                let name = n % 5 == 4 ? "Anna Weiß" : "Max Krause"
                // Each at their own address: one person's 55 orders would be linked and wait for identification.
                request.customer = CustomerDetails(email: "kunde\(n)@example.de", name: name, street: "Heidestraße \(n + 1)", postalCode: "51147",
                                                   city: "Köln", country: "DE")
                let placed = try await desk.place(request, idempotencyKey: nil, by: .visitor(address: "192.0.2.\(n)"),
                                                  now: now.addingTimeInterval(Double(n)))
                if name == "Max Krause" { numbers.append(placed.number) }
                everyNumber.append(placed.number)
            }
            let first = try await desk.search(OrderFilter(text: "krause"), page: 1)
            #expect(first.entries.count == 44 && !first.hasNext)
            #expect(first.entries.map(\.number) == Array(numbers.reversed()))
            for order in try await desk.search(OrderFilter(text: "kunde"), page: 1).entries.prefix(3) {
                #expect(order.customer.email.hasPrefix("kunde"))
            }
            let all = try await desk.search(OrderFilter(text: "example.de"), page: 1)
            #expect(all.entries.count == 50 && all.hasNext)
            var next = OrderFilter(text: "example.de")
            next.after = all.entries.last?.number
            let rest = try await desk.search(next, page: 2)
            #expect(rest.entries.count == 5 && !rest.hasNext)
            #expect(Set(all.entries.map(\.number) + rest.entries.map(\.number)).count == 55)
            // A page number typed into the address (no cursor) starts where the cursor would: the five oldest orders.
            let typed = try await desk.search(OrderFilter(), page: 2)
            #expect(typed.entries.map(\.number) == Array(everyNumber.prefix(5).reversed()) && !typed.hasNext)
            #expect(try await desk.search(OrderFilter(status: .awaitingPayment), page: 2).entries.count == 5)
            #expect(try await desk.search(OrderFilter(), page: 3).entries.isEmpty)
        }
    }
}
