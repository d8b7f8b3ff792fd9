import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TresorCore
@testable import TresorServices
import TresorStore
import TresorTestSupport
@testable import TresorWeb

@Suite struct BackOfficeTests {
    static let password = "Feingold-Waage-17-Ost"
    let api = OrderAPITests()

    /// Places one bank-transfer order for a Krugerrand through the API; returns its number.
    func placeOrder(_ shop: ShopFixture) async throws -> String {
        let (_, quote) = try await api.post(shop, "/api/v1/quotes", #"{"items": [{"sku": "AU-KR-1OZ", "quantity": 1}]}"#)
        let (status, order) = try await api.post(shop, "/api/v1/orders", api.orderBody(try #require(quote["id"] as? String)))
        #expect(status == .created)
        return try #require(order["number"] as? String)
    }

    /// A member of `role` with a known password (no first-sign-in step), signed in through the form.
    func signedIn(_ shop: ShopFixture, _ role: StaffRole) async throws -> (WebVisitor, StaffEnrolment) {
        let enrolment = try await shop.shop.staff.add(email: "\(role.rawValue)@tresor.example", name: "Test \(role.rawValue.capitalized)",
                                                      role: role, password: Self.password, by: .system(job: "test"), now: ShopFixture.now)
        var visitor = WebVisitor()
        let form = try await visitor.get(shop, "/backoffice/login")
        let secret = try #require(try await shop.database.read { sql in
            try await StaffRepository(sql).credentials(id: enrolment.member.id)
        }?.totpSecret)
        let code = TwoFactorCodes.code(secret: secret, step: TwoFactorCodes.step(of: ShopFixture.now))
        let answer = try await visitor.post(shop, "/backoffice/login", [("_csrf", try WebVisitor.token(form.body, action: "/backoffice/login")),
                                                                         ("email", enrolment.member.email), ("password", Self.password),
                                                                         ("code", code), ("next", "")])
        #expect(answer.status == .seeOther && answer.location == "/backoffice", "\(role): \(answer.status)")
        return (visitor, enrolment)
    }

    /// Every back-office page, for no session and for each role, against the permission table: no session is sent to
    /// the sign-in page; a role the table does not allow gets 403; one it allows gets through the gate.
    @Test func everyRouteForEveryRoleFollowsTheTable() async throws {
        try await ShopFixture.run { shop in
            let number = try await placeOrder(shop)
            let customer = try await api.register(api.erika, in: shop).id.uuidString.lowercased()
            var anonymous = WebVisitor()
            for page in BackOfficePage.all where page != .login {
                let path = Page.backOffice(Self.concrete(page, number)).path(.de)
                let answer = try await anonymous.send(shop, path, method: Self.method(page), body: Self.method(page) == .post ? "" : nil)
                #expect(answer.status == .seeOther, "\(path) without a session")
                #expect(answer.location?.hasPrefix("/backoffice/login") == true, "\(path) without a session")
            }
            for role in StaffRole.allCases {
                var (visitor, _) = try await signedIn(shop, role)
                for page in BackOfficePage.all where page != .login && Self.method(page) == .get {
                    let path = Page.backOffice(Self.concrete(page, number, customer: customer)).path(.de)
                    let answer = try await visitor.get(shop, path)
                    let allowed = page.permission.map(role.may) ?? true
                    #expect((answer.status == .forbidden) == !allowed, "\(role) \(path): \(answer.status)")
                    // Through the gate: the page, or "not found" where the test has no such record (an article, a CV).
                    if allowed { #expect(answer.status == .ok || answer.status == .notFound, "\(role) \(path): \(answer.status)") }
                }
                // A form the role may not use is refused by the gate before it is read.
                for page in BackOfficePage.all where page.isForm && !(page.permission.map(role.may) ?? true) {
                    let path = Page.backOffice(Self.concrete(page, number)).path(.de)
                    #expect(try await visitor.post(shop, path, [("_csrf", "x")]).status == .forbidden, "\(role) \(path)")
                }
            }
        }
    }

    /// Every state-changing back-office form refuses a request without its token or with a wrong one (403) and
    /// changes nothing: the order keeps its status, the session stays, the password stays.
    @Test func everyFormNeedsItsToken() async throws {
        try await ShopFixture.run { shop in
            let number = try await placeOrder(shop)
            var (owner, enrolment) = try await signedIn(shop, .owner)
            _ = try await shop.shop.staff.add(email: "colleague@tresor.example", name: "Carla Kollegin", role: .sales, by: .system(job: "test"),
                                              now: ShopFixture.now)
            let stockBefore = try await shop.shop.stock.levels().first { $0.sku == "AU-KR-1OZ" }?.stock
            let page = try await owner.get(shop, "/backoffice/orders/\(number)")
            let good = try WebVisitor.token(page.body, action: "/backoffice/orders/\(number)/mark-paid")
            // Every form: the steps and sign-out posts, and the password form (its page is a GET as well).
            let posts = (BackOfficePage.all.filter { Self.method($0) == .post } + [.password])
                .map { Page.backOffice(Self.concrete($0, number)).path(.de) }
            #expect(posts.count == BackOfficePage.all.filter(\.isForm).count + 1)
            for path in posts {
                // The good token with its last character changed (to one it does not already end in).
                let altered = String(good.dropLast()) + (good.hasSuffix("0") ? "1" : "0")
                for token in [nil, "1764237600.00", altered] as [String?] {
                    // Everything each form needs, so that only the token stands between the post and its change.
                    let fields = [("tracking", "00340434161094042557"), ("reason", "test"), ("confirm", "1"), ("new", "Silberwaage-Nord-42"),
                                  ("repeat", "Silberwaage-Nord-42"), ("metal", "XAU"), ("ask", "2600"), ("order", number), ("note", "x"),
                                  ("quantity", "7"), ("email", "new@tresor.example"), ("name", "Neu Mitarbeiter"), ("role", "owner")]
                        + (token.map { [("_csrf", String($0))] } ?? [])
                    #expect(try await owner.post(shop, path, fields).status == .forbidden, "\(path) with token \(token ?? "none")")
                }
            }
            #expect(try await shop.shop.orders.history(number: number)?.order.status == .awaitingPayment)
            #expect(try await owner.get(shop, "/backoffice").status == .ok)
            #expect(try await shop.shop.staff.list().map(\.member.email) == ["colleague@tresor.example", "owner@tresor.example"])
            #expect(try await shop.shop.staff.list().allSatisfy { $0.disabledAt == nil })
            #expect(try await shop.shop.stock.levels().first { $0.sku == "AU-KR-1OZ" }?.stock == stockBefore)
            let trail = try await shop.shop.audit.entries()
            #expect(trail.allSatisfy { ["staff.add", "staff.sign-in", "order.compliance"].contains($0.action) }, "\(trail.map(\.action))")
            _ = enrolment
            // With the token, the same post goes through.
            let paid = try await owner.post(shop, "/backoffice/orders/\(number)/mark-paid", [("_csrf", good), ("note", "statement 12")])
            #expect(paid.status == .seeOther && paid.location == "/backoffice/orders/\(number)?done=mark-paid")
            #expect(try await shop.shop.orders.history(number: number)?.order.status == .paid)
            // Paid is not yet supplied: no invoice until the goods leave. Packed and shipped, the invoice is issued and
            // staff download it, as stored, from the order's page.
            #expect(try await owner.get(shop, "/backoffice/orders/\(number)/invoice.pdf").status == .notFound)
            for (step, fields) in [("pack", [("note", "")]), ("ship", [("tracking", "00340434161094042557")])] {
                let page = try await owner.get(shop, "/backoffice/orders/\(number)")
                let token = try WebVisitor.token(page.body, action: "/backoffice/orders/\(number)/\(step)")
                #expect(try await owner.post(shop, "/backoffice/orders/\(number)/\(step)", [("_csrf", token)] + fields).status == .seeOther)
            }
            let order = try await owner.get(shop, "/backoffice/orders/\(number)")
            #expect(order.body.contains("/backoffice/orders/\(number)/invoice.pdf?document=R-2026-000001"))
            let pdf = try await owner.get(shop, "/backoffice/orders/\(number)/invoice.pdf?document=R-2026-000001")
            #expect(pdf.status == .ok && pdf.contentType == "application/pdf" && pdf.body.hasPrefix("%PDF-1.7"))
            let stored = try #require(try await shop.shop.orders.invoice(number: "R-2026-000001"))
            #expect(pdf.body == String(decoding: stored.pdf, as: UTF8.self))
            // Another order's number does not open this document.
            #expect(try await owner.get(shop, "/backoffice/orders/T-2026-999999/invoice.pdf?document=R-2026-000001").status == .notFound)
        }
    }

    /// The sign-in page: a wrong code is 401 and says nothing about which part was wrong; the cookie is HttpOnly and
    /// SameSite=Strict; a one-time password leads to the password form first, which refuses a guessable password.
    @Test func signingInAndTheFirstPassword() async throws {
        try await ShopFixture.run { shop in
            let enrolment = try await shop.shop.staff.add(email: "olga@tresor.example", name: "Olga Owner", role: .owner,
                                                          by: .system(job: "test"), now: ShopFixture.now)
            var visitor = WebVisitor()
            let form = try await visitor.get(shop, "/backoffice/login?next=/backoffice/orders")
            #expect(form.body.contains("name=\"next\" value=\"/backoffice/orders\""))
            let token = try WebVisitor.token(form.body, action: "/backoffice/login")
            let oneTime = try #require(enrolment.oneTimePassword)
            let wrong = try await visitor.post(shop, "/backoffice/login", [("_csrf", token), ("email", "olga@tresor.example"),
                                                                           ("password", oneTime), ("code", "123456")])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.contains("E-Mail-Adresse, Passwort oder Code stimmen nicht."))
            let secret = try #require(try await shop.database.read { sql in
                try await StaffRepository(sql).credentials(id: enrolment.member.id)
            }?.totpSecret)
            let code = TwoFactorCodes.code(secret: secret, step: TwoFactorCodes.step(of: ShopFixture.now))
            let cookieHeader = try await shop.client.execute(
                uri: "/backoffice/login", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "tresor_csrf=\(visitor.cookies["tresor_csrf"] ?? "")"],
                body: ByteBuffer(string: "_csrf=\(Escape.percent(token))&email=olga%40tresor.example&password=\(Escape.percent(oneTime))&code=\(code)&next=%2Fbackoffice%2Forders")
            ) { response in (response.status, response.headers[.location], response.headers[values: .setCookie]) }
            #expect(cookieHeader.0 == .seeOther && cookieHeader.1 == "/backoffice/password")
            let staffCookie = try #require(cookieHeader.2.first { $0.hasPrefix("tresor_staff=") })
            #expect(staffCookie.contains("HttpOnly") && staffCookie.contains("SameSite=Strict") && !staffCookie.contains("Max-Age"))
            visitor.cookies["tresor_staff"] = String(staffCookie.dropFirst("tresor_staff=".count).prefix { $0 != ";" })
            // Until the password is replaced, every page leads to the form.
            #expect(try await visitor.get(shop, "/backoffice/orders").location == "/backoffice/password")
            let page = try await visitor.get(shop, "/backoffice/password")
            let passwordToken = try WebVisitor.token(page.body, action: "/backoffice/password")
            let guessable = try await visitor.post(shop, "/backoffice/password", [("_csrf", passwordToken), ("new", "Passwort2026!!"),
                                                                                    ("repeat", "Passwort2026!!")])
            #expect(guessable.status == .unprocessableContent && guessable.body.contains("zu leicht zu erraten"))
            let saved = try await visitor.post(shop, "/backoffice/password", [("_csrf", passwordToken), ("new", Self.password),
                                                                                ("repeat", Self.password)])
            #expect(saved.location == "/backoffice?done=password")
            #expect(try await visitor.get(shop, "/backoffice/orders").status == .ok)
            // Sign out everywhere ends this session too.
            let dashboard = try await visitor.get(shop, "/backoffice")
            let out = try await visitor.post(shop, "/backoffice/logout-everywhere",
                                             [("_csrf", try WebVisitor.token(dashboard.body, action: "/backoffice/logout-everywhere"))])
            #expect(out.location == "/backoffice/login")
            #expect(try await visitor.get(shop, "/backoffice").status == .seeOther)
        }
    }

    /// Over HTTPS the back-office cookie is also `Secure`.
    @Test func theSessionCookieIsSecureOverHTTPS() async throws {
        try await ShopFixture.run(configure: Configure { $0.baseURL = "https://shop.example" }) { shop in
            _ = try await shop.shop.staff.add(email: "wim@tresor.example", name: "Wim Lager", role: .warehouse, password: Self.password,
                                              by: .system(job: "test"), now: ShopFixture.now)
            var visitor = WebVisitor()
            let form = try await visitor.get(shop, "/backoffice/login")
            let body = "_csrf=\(Escape.percent(try WebVisitor.token(form.body, action: "/backoffice/login")))&email=wim%40tresor.example"
                + "&password=\(Escape.percent(Self.password))&code="
            let cookies = try await shop.client.execute(
                uri: "/backoffice/login", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "tresor_csrf=\(visitor.cookies["tresor_csrf"] ?? "")"],
                body: ByteBuffer(string: body)) { $0.headers[values: .setCookie] }
            let staff = try #require(cookies.first { $0.hasPrefix("tresor_staff=") })
            #expect(staff.contains("Secure") && staff.contains("HttpOnly") && staff.contains("SameSite=Strict"))
        }
    }

    /// A staff API token carries its member's role as it is now: an editor's token reads no order, a sales token does,
    /// and a renewed token ends the old one.
    @Test func staffTokensCarryTheirRole() async throws {
        try await ShopFixture.run { shop in
            let number = try await placeOrder(shop)
            let editor = try #require(try await shop.shop.staff.add(email: "rita@tresor.example", name: "Rita Redaktion", role: .editor,
                                                                    by: .system(job: "test"), now: ShopFixture.now).apiToken)
            let sales = try #require(try await shop.shop.staff.add(email: "sven@tresor.example", name: "Sven Verkauf", role: .sales,
                                                                   by: .system(job: "test"), now: ShopFixture.now).apiToken)
            let read = { (token: String) in
                try await shop.client.execute(uri: "/api/v1/orders/\(number)", method: .get, headers: [.authorization: "Bearer \(token)"]) { $0.status }
            }
            #expect(try await read(editor) == .notFound)
            #expect(try await read(sales) == .ok)
            _ = try await shop.shop.staff.renewToken(email: "sven@tresor.example", by: .system(job: "test"), now: ShopFixture.now)
            #expect(try await read(sales) == .notFound)
        }
    }

    /// The order list takes only known filter values; anything else is a 400 page, never a 500.
    @Test func theOrderListFiltersAndRefusesNonsense() async throws {
        try await ShopFixture.run { shop in
            let number = try await placeOrder(shop)
            var (sales, _) = try await signedIn(shop, .sales)
            for query in ["status=awaiting_payment", "q=erika", "q=\(number.prefix(8))", "from=2026-11-27&until=2026-11-27", "payment=bank_transfer"] {
                let page = try await sales.get(shop, "/backoffice/orders?" + query)
                #expect(page.status == .ok && page.body.contains(">\(number)</a>"), "\(query)")
            }
            for query in ["status=paid", "q=nobody", "from=2026-11-28", "shipping=pickup"] {
                let page = try await sales.get(shop, "/backoffice/orders?" + query)
                #expect(page.status == .ok && !page.body.contains(">\(number)</a>"), "\(query)")
            }
            #expect(try await sales.get(shop, "/backoffice/orders?page=2&after=\(number)").status == .ok)
            for query in ["status=lost", "from=2026-13-01", "from=yesterday", "page=0", "page=x", "payment=gold", "after=" + String(repeating: "T", count: 41)] {
                #expect(try await sales.get(shop, "/backoffice/orders?" + query).status == .badRequest, "\(query)")
            }
            #expect(try await sales.get(shop, "/backoffice/orders?q=%25%27%22%3Cscript%3E").status == .ok)
            #expect(try await sales.get(shop, "/backoffice/orders/T-2026-999999").status == .notFound)
        }
    }

    /// The page with its parameters filled in: the test's order, a held tick, a bank entry, a product, a customer, a colleague.
    static func concrete(_ page: BackOfficePage, _ number: String, customer: String = UUID().uuidString.lowercased()) -> BackOfficePage {
        switch page {
        case .customer: .customer(id: customer)
        case .customerDisable: .customerDisable(id: customer)
        case .order: .order(number: number)
        case .orderStep(_, let step): .orderStep(number: number, step)
        case .packingSlip: .packingSlip(number: number)
        case .orderInvoice: .orderInvoice(number: number)
        case .spotDecide(_, let confirm): .spotDecide(id: "1", confirm: confirm)
        case .paymentAssign: .paymentAssign(entry: "NTRY-1")
        case .paymentDismiss: .paymentDismiss(entry: "NTRY-1")
        case .refundPaid: .refundPaid(number: number)
        case .legalEdit: .legalEdit(page: "terms", language: "de")
        case .legalSave: .legalSave(page: "terms", language: "de")
        case .legalRestore: .legalRestore(page: "terms", language: "de", version: "0")
        case .stockCount: .stockCount(sku: "AU-KR-1OZ")
        case .productEdit: .productEdit(sku: "AU-KR-1OZ")
        case .productPublish(_, let publish): .productPublish(sku: "AU-KR-1OZ", publish: publish)
        case .productImage: .productImage(sku: "AU-KR-1OZ")
        case .productImageRemove: .productImageRemove(sku: "AU-KR-1OZ", name: String(repeating: "a", count: 64) + ".png")
        case .productImageFirst: .productImageFirst(sku: "AU-KR-1OZ", name: String(repeating: "a", count: 64) + ".png")
        case .articleEdit: .articleEdit(slug: "goldpreis-im-november")
        case .articleRestore: .articleRestore(slug: "goldpreis-im-november", version: "1")
        case .callbackMark(_, let status): .callbackMark(id: UUID().uuidString.lowercased(), status: status)
        case .jobClose: .jobClose(slug: "edelmetallberater-m-w-d")
        case .jobEdit: .jobEdit(slug: "edelmetallberater-m-w-d")
        case .campaign: .campaign(id: UUID().uuidString.lowercased())
        case .campaignStep(_, let step): .campaignStep(id: UUID().uuidString.lowercased(), step)
        case .applicationCV: .applicationCV(id: UUID().uuidString.lowercased())
        case .staffReset: .staffReset(email: "colleague@tresor.example")
        case .staffToken: .staffToken(email: "colleague@tresor.example")
        case .staffDisable: .staffDisable(email: "colleague@tresor.example")
        default: page
        }
    }

    static func method(_ page: BackOfficePage) -> HTTPRequest.Method { page.isForm ? .post : .get }
}
