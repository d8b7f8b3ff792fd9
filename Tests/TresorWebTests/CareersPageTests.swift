import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TresorCore
import TresorServices
@testable import TresorStore
import TresorTestSupport
@testable import TresorWeb

/// "Offene Stellen", job pages with JobPosting JSON-LD, applications with a CV upload, and the contact page.
@Suite struct CareersPageTests {
    static let pdf = TestPDF.cv

    func seedJobs(_ shop: ShopFixture) async throws {
        try await Seeder(database: shop.database, logger: TestDatabase.logger).seedJobsIfEmpty(now: ShopFixture.now)
    }

    func applications(_ shop: ShopFixture) async throws -> Int {
        try await shop.database.read { sql in try await JobRepository(sql).applications() }.count
    }

    /// The JSON-LD objects of a page, decoded.
    func structuredData(_ page: String) throws -> [[String: Any]] {
        try page.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst().map { part in
            let json = String(part.prefix { $0 != "<" })
            return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        }
    }

    @Test func openPositionsJobPagesAndTheTeaser() async throws {
        try await ShopFixture.run { shop in
            try await seedJobs(shop)
            var visitor = WebVisitor()
            let list = try await visitor.get(shop, "/karriere")
            #expect(list.status == .ok)
            #expect(list.body.contains("Offene Stellen"))
            #expect(list.body.contains("href=\"/karriere/edelmetallberater-koeln\""))
            #expect(try await visitor.get(shop, "/en/careers").body.contains("href=\"/en/careers/werkstudent-marktanalyse\""))
            let home = try await visitor.get(shop, "/")
            #expect(home.body.contains("#TeamGold"))
            #expect(home.body.contains("href=\"/karriere/lager-versand-teilzeit\""))

            let job = try await visitor.get(shop, "/karriere/edelmetallberater-koeln")
            #expect(job.status == .ok)
            #expect(job.body.contains("<h2>Was Sie mitbringen</h2>"))
            #expect(job.body.contains("enctype=\"multipart/form-data\""))
            let posting = try #require(try structuredData(job.body).first { $0["@type"] as? String == "JobPosting" })
            #expect(posting["title"] as? String == "Edelmetallberater (m/w/d)")
            #expect(posting["employmentType"] as? String == "FULL_TIME")
            #expect((posting["hiringOrganization"] as? [String: Any])?["name"] as? String == "Tresor Edelmetalle")
            #expect(((posting["jobLocation"] as? [String: Any])?["address"] as? [String: Any])?["addressLocality"] as? String == "Köln")
            #expect((posting["datePosted"] as? String)?.hasPrefix("2026-11-15") == true)
            #expect(posting["description"] as? String != nil)
            #expect(try await visitor.get(shop, "/karriere/gibt-es-nicht").status == .notFound)
        }
    }

    @Test func applyingWithAPDFLargerThanTheUsualLimit() async throws {
        try await ShopFixture.run { shop in
            try await seedJobs(shop)
            var jana = WebVisitor()
            let page = try await jana.get(shop, "/karriere/edelmetallberater-koeln")
            let token = try WebVisitor.token(page.body, action: "/karriere/edelmetallberater-koeln#bewerben")
            let fields = [("_csrf", token), ("name", "Jana Beispiel"), ("email", "jana@example.de"), ("message", "Hallo"), ("website", "")]
            // 3 MB: more than Hummingbird's 2 MiB default, allowed on this route.
            let cv = Self.pdf + [UInt8](repeating: 0x20, count: 3_000_000) + Array("\n%%EOF\n".utf8)
            let sent = try await jana.postMultipart(shop, "/karriere/edelmetallberater-koeln", fields,
                                                    file: ("cv", "lebenslauf.pdf", "application/pdf", cv))
            #expect(sent.status == .ok)
            #expect(sent.body.contains("Vielen Dank für Ihre Bewerbung"))
            #expect(try await applications(shop) == 1)

            // Field messages, the entries kept, nothing stored.
            let wrong = try await jana.postMultipart(shop, "/karriere/edelmetallberater-koeln",
                                                     [("_csrf", token), ("name", ""), ("email", "jana-at-example"), ("message", "Text"),
                                                      ("website", "")], file: ("cv", "cv.pdf", "application/pdf", Self.pdf))
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.body.contains("Bitte prüfen Sie „Vor- und Nachname“."))
            #expect(wrong.body.contains("Bitte prüfen Sie „E-Mail“."))
            #expect(wrong.body.contains("value=\"jana-at-example\""))
            // A picture called .pdf is not a PDF.
            let png = try await jana.postMultipart(shop, "/karriere/edelmetallberater-koeln", fields,
                                                   file: ("cv", "foto.pdf", "application/pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]))
            #expect(png.status == .unprocessableContent)
            #expect(png.body.contains("Der Lebenslauf ist keine PDF-Datei."))
            let missing = try await jana.postMultipart(shop, "/karriere/edelmetallberater-koeln", fields, file: nil)
            #expect(missing.body.contains("Bitte laden Sie Ihren Lebenslauf als PDF hoch."))
            // Just over 10 MB: refused with a message; far over: refused before it is read whole.
            let big = Self.pdf + [UInt8](repeating: 0x20, count: CVDocument.maximumSize) + Array("\n%%EOF\n".utf8)
            let tooLarge = try await jana.postMultipart(shop, "/karriere/edelmetallberater-koeln", fields,
                                                        file: ("cv", "cv.pdf", "application/pdf", big))
            #expect(tooLarge.body.contains("Der Lebenslauf ist größer als 10 MB."))
            let huge = try await jana.postMultipart(shop, "/karriere/edelmetallberater-koeln", fields,
                                                    file: ("cv", "cv.pdf", "application/pdf", big + [UInt8](repeating: 0x20, count: 1_000_000)))
            #expect(huge.status == .contentTooLarge)
            // A robot that fills the hidden field is thanked; nothing is kept.
            let robot = try await jana.postMultipart(shop, "/karriere/edelmetallberater-koeln",
                                                     fields.map { $0.0 == "website" ? ($0.0, "http://spam.example") : $0 },
                                                     file: ("cv", "cv.pdf", "application/pdf", Self.pdf))
            #expect(robot.body.contains("Vielen Dank für Ihre Bewerbung"))
            // Without the page's token: refused.
            var stranger = WebVisitor()
            let forged = try await stranger.postMultipart(shop, "/karriere/edelmetallberater-koeln", Array(fields.dropFirst()),
                                                              file: ("cv", "cv.pdf", "application/pdf", Self.pdf))
            #expect(forged.status == .forbidden)
            #expect(try await applications(shop) == 1)
        }
    }

    @Test func tooManyApplicationsFromOneAddressAndClosedPositions() async throws {
        try await ShopFixture.run { shop in
            try await seedJobs(shop)
            var visitor = WebVisitor()
            let page = try await visitor.get(shop, "/karriere/werkstudent-marktanalyse")
            let token = try WebVisitor.token(page.body, action: "/karriere/werkstudent-marktanalyse#bewerben")
            var statuses: [HTTPResponse.Status] = []
            for n in 1...(CareersController.applicationsPerHour + 1) {
                statuses.append(try await visitor.postMultipart(shop, "/karriere/werkstudent-marktanalyse",
                                                                [("_csrf", token), ("name", "Bewerber \(n)"), ("email", "b\(n)@example.de"),
                                                                 ("message", ""), ("website", "")],
                                                                file: ("cv", "cv.pdf", "application/pdf", Self.pdf)).status)
            }
            #expect(statuses.dropLast().allSatisfy { $0 == .ok })
            #expect(statuses.last == .tooManyRequests)
            #expect(try await applications(shop) == CareersController.applicationsPerHour)

            _ = try await shop.database.transaction { sql in try await JobRepository(sql).close(slug: "werkstudent-marktanalyse", now: ShopFixture.now) }
            let closed = try await visitor.get(shop, "/karriere/werkstudent-marktanalyse")
            #expect(closed.status == .ok)
            #expect(closed.body.contains("nicht mehr ausgeschrieben"))
            #expect(!closed.body.contains("multipart/form-data"))
            #expect(!(try await visitor.get(shop, "/karriere")).body.contains("werkstudent-marktanalyse"))
        }
    }

    @Test func callBackRequestsFromTheContactPage() async throws {
        try await ShopFixture.run { shop in
            var karl = WebVisitor()
            let page = try await karl.get(shop, "/kontakt")
            #expect(page.status == .ok)
            #expect(page.body.contains("href=\"tel:08001002003\""))
            #expect(page.body.contains("Montag bis Freitag 9–18 Uhr"))
            #expect(try await karl.get(shop, "/en/contact").body.contains("Monday to Friday, 9 am to 6 pm"))
            let token = try WebVisitor.token(page.body, action: "/kontakt#rueckruf")
            func queue() async throws -> [CallbackRequest] {
                try await shop.database.read { sql in try await CallbackRepository(sql).queue() }
            }

            let wrong = try await karl.post(shop, "/kontakt", [("_csrf", token), ("name", "Karl"), ("phone", "keine"),
                                                                        ("window", "09-12"), ("website", "")])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.body.contains("Bitte prüfen Sie „Telefonnummer“."))
            #expect(wrong.body.contains("Bitte prüfen Sie „Worum geht es?“."))
            #expect(wrong.body.contains("Bitte stimmen Sie dem Rückruf zu."))
            #expect(wrong.body.contains("value=\"Karl\""))
            #expect(try await queue().isEmpty)

            let fields = [("_csrf", token), ("name", "Karl Muster"), ("phone", "0221 123456"), ("window", "15-18"),
                          ("topic", "storage"), ("consent", "1"), ("website", "")]
            let sent = try await karl.post(shop, "/kontakt", fields)
            #expect(sent.status == .ok)
            #expect(sent.body.contains("Ihr Rückrufwunsch ist bei uns eingegangen."))
            let request = try #require(try await queue().first)
            #expect(request.phone == "0221 123456")
            #expect(request.window == .afternoon)
            #expect(request.topic == .storage)
            #expect(request.consentText.contains("Tresor Edelmetalle mich zu diesem Anliegen"))

            let robot = try await karl.post(shop, "/kontakt", fields.map { $0.0 == "website" ? ($0.0, "x") : $0 })
            #expect(robot.body == sent.body)
            #expect(try await queue().count == 1)
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<ContactController.requestsPerHour { statuses.append(try await karl.post(shop, "/kontakt", fields).status) }
            #expect(statuses.last == .tooManyRequests)
            // The refused submission counted as well: one request per hour less got through.
            #expect(try await queue().count == ContactController.requestsPerHour - 1)
        }
    }

    @Test func clientAddressesFromTrustedProxiesOnly() {
        let trusted: Set<String> = ["10.0.0.2", "10.0.0.3"]
        #expect(WhoIsAsking.client(peer: "198.51.100.7", forwardedFor: ["1.2.3.4"], trusted: trusted) == "198.51.100.7")
        #expect(WhoIsAsking.client(peer: "10.0.0.2", forwardedFor: ["203.0.113.9"], trusted: trusted) == "203.0.113.9")
        // A client's own claim to the left is not believed: the right-most address not a proxy of ours is.
        #expect(WhoIsAsking.client(peer: "10.0.0.2", forwardedFor: ["6.6.6.6, 203.0.113.9, 10.0.0.3"], trusted: trusted)
                == "203.0.113.9")
        #expect(WhoIsAsking.client(peer: "10.0.0.2", forwardedFor: [], trusted: trusted) == "10.0.0.2")
        #expect(WhoIsAsking.client(peer: nil, forwardedFor: [], trusted: trusted) == "unknown")
    }
}
