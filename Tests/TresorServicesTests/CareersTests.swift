import Foundation
import Testing
import TresorCore
@testable import TresorServices
@testable import TresorStore
import TresorTestSupport

@Suite struct CareersTests {
    let now = CampaignFixture.now
    /// A small but complete PDF: header, one empty page, cross-reference table, trailer.
    static let pdf = TestPDF.cv

    func desk(_ database: Database, storage: String, months: Int = 6) -> CareersDesk {
        CareersDesk(database: database, mail: MailSettings(), staffAddress: "personal@tresor.example", storage: storage,
                    retentionMonths: months)
    }

    func folder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("tresor-cv-\(UUID().uuidString)").path
    }

    func job(_ slug: String = "berater", status: JobStatus = .published, closesAt: Date? = nil) -> JobPosting {
        JobPosting(slug: slug, title: "Edelmetallberater (m/w/d)", location: "Köln", employmentType: .fullTime,
                   description: "Beratung am Telefon.", status: status, publishedAt: now.addingTimeInterval(-86400), closesAt: closesAt,
                   updatedAt: now)
    }

    @Test func cvIsCheckedByContent() throws {
        try CVDocument.check(Self.pdf)
        #expect(throws: CVDocument.Problem.missing) { try CVDocument.check([]) }
        #expect(throws: CVDocument.Problem.notPDF) { try CVDocument.check(Array("GIF89a...%%EOF".utf8)) }
        #expect(throws: CVDocument.Problem.notPDF) { try CVDocument.check(Array("%PDF-1.4 cut off in the middle".utf8)) }
        #expect(throws: CVDocument.Problem.notPDF) { try CVDocument.check([0x89, 0x50, 0x4E, 0x47] + Self.pdf) }  // a PNG named .pdf
        #expect(throws: CVDocument.Problem.tooLarge) {
            try CVDocument.check(Self.pdf + [UInt8](repeating: 32, count: CVDocument.maximumSize))
        }
    }

    /// A 14-byte `%PDF-1.4\n%%EOF` and an HTML page with a PDF header were accepted as CVs: a CV must be a well-formed
    /// PDF (header, cross-reference, `%%EOF`) with no HTML a browser would run.
    @Test func aCVMustBeAWellFormedPDFAndNoPage() async throws {
        #expect(throws: CVDocument.Problem.notPDF) { try CVDocument.check(Array("%PDF-1.4\n%%EOF".utf8)) }
        // Looks like a PDF, but its cross-reference points nowhere.
        #expect(throws: CVDocument.Problem.notPDF) {
            try CVDocument.check(Array("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << /Root 1 0 R >>\nstartxref\n99999\n%%EOF\n".utf8))
        }
        let polyglot = Array("%PDF-1.4\n<HTML><body><SCRIPT>alert(document.domain)</script></body></html>\n".utf8) + Self.pdf.dropFirst(9)
        #expect(throws: CVDocument.Problem.notPDF) { try CVDocument.check(polyglot) }
        let trailing = Self.pdf + Array("<!DOCTYPE html><img src=x onerror=alert(1)>".utf8)
        #expect(throws: CVDocument.Problem.notPDF) { try CVDocument.check(trailing) }
        try CVDocument.check(Self.pdf)
        // The test PDF itself is one a real reader accepts.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cv-\(UUID().uuidString).pdf")
        try Data(Self.pdf).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let qpdf = try await runTool("/usr/bin/qpdf", ["--check", file.path])
        #expect(qpdf.status == 0, "\(qpdf.output)")
    }

    /// Limits counted bytes and characters apart: `a` plus 20,000 combining marks passed a 200-character limit; NUL,
    /// ESC and right-to-left overrides were accepted; Arabic-Indic digits passed as a German postcode.
    @Test func textIsMeasuredInBytesAndCharactersAndHasNoControls() {
        let stacked = "a" + String(repeating: "\u{0301}", count: 20_000)
        #expect(stacked.count == 1)
        #expect(!TextInput.isLine(stacked, maxCharacters: 200))
        for bad in ["Max\u{0}Muster", "Max\u{1B}[31mMuster", "Max \u{202E}retsuM", "Max\u{2066}x", "Max\nMuster", "Max\u{85}M"] {
            #expect(!TextInput.isLine(bad, maxCharacters: 200), "\(bad.debugDescription)")
        }
        #expect(TextInput.isLine("Zoë Ångström-Ñúñez 李小龙 محمد", maxCharacters: 200))
        #expect(TextInput.isText("Zeile eins\nZeile zwei\tEnde", maxCharacters: 200))
        #expect(!TextInput.isText("Zeile\u{202E}", maxCharacters: 200))
        // Markup: none in a line, no tag in a message; a lone comparison is text.
        #expect(!TextInput.isPlainLine("Erika <b>Muster</b>", maxCharacters: 200))
        #expect(!TextInput.isPlainLine("\"><img src=x>", maxCharacters: 200))
        #expect(TextInput.isPlainLine("Erika \"Goldie\" O'Brien-Muster", maxCharacters: 200))
        #expect(!TextInput.isPlainText("Hallo <script>alert(1)</script>", maxCharacters: 200))
        #expect(!TextInput.isPlainText("Hallo </textarea>", maxCharacters: 200))
        #expect(!TextInput.isPlainText("<!-- versteckt -->", maxCharacters: 200))
        #expect(TextInput.isPlainText("Bitte unter < 5 Unzen bleiben, 3 > 2.", maxCharacters: 200))
        // Staff notes may quote what they saw.
        #expect(TextInput.isText("Kunde schrieb <script>", maxCharacters: 200))
        func details(name: String = "Max Muster", postalCode: String = "50667") -> CustomerDetails {
            CustomerDetails(email: "max@example.de", name: name, street: "Weg 1", postalCode: postalCode, city: "Köln", country: "DE")
        }
        #expect(throws: InvalidParameter(name: "postalCode", value: "٥٠٦٦٧")) { try details(postalCode: "٥٠٦٦٧").validate() }
        #expect(throws: InvalidParameter(name: "postalCode", value: "5066")) { try details(postalCode: "5066").validate() }
        #expect(throws: InvalidParameter(name: "name", value: stacked)) { try details(name: stacked).validate() }
        #expect(throws: InvalidParameter(name: "name", value: "Max \u{202E}retsuM")) { try details(name: "Max \u{202E}retsuM").validate() }
        #expect((try? details().validate()) != nil)
        let application = JobApplication(jobID: UUID(), name: "Jana\u{0}", email: "jana@example.de", message: stacked, language: .de,
                                         receivedAt: now)
        #expect(application.problems() == ["name", "message"])
    }

    @Test func jobFilesAreReadLikeArticles() throws {
        let job = try JobPosting.parse("""
            ---
            title: Lagerist (m/w/d)
            slug: lagerist
            location: Köln
            type: part_time
            date: 2026-11-20 08:00
            closes: 2026-12-31 23:59
            ---
            Sie verpacken **versichert**.
            """, updatedAt: now)
        #expect(job.employmentType == .partTime)
        #expect(job.status == .published)
        #expect(job.closesAt == CivilDate.utcMidnight(2026, 12, 31).addingTimeInterval(22 * 3600 + 59 * 60))  // 23:59 in Berlin
        #expect(job.description == "Sie verpacken **versichert**.")
        #expect(throws: InvalidParameter.self) { try JobPosting.parse("---\ntitle: x\nslug: Bad Slug\nlocation: K\ndate: 2026-11-20 08:00\n---\nText", updatedAt: now) }
    }

    @Test(arguments: TestDatabase.available)
    func anApplicationIsKeptWhole(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let storage = folder()
            defer { try? FileManager.default.removeItem(atPath: storage) }
            let desk = desk(database, storage: storage)
            try await database.transaction { sql in
                try await JobRepository(sql).save(job())
                try await JobRepository(sql).save(job("alt", status: .closed))
                try await JobRepository(sql).save(job("abgelaufen", closesAt: now.addingTimeInterval(-1)))
            }
            #expect(try await desk.openJobs(now: now).map(\.slug) == ["berater"])

            let application = try await desk.apply(slug: "berater", name: "Jana Beispiel", email: "Jana@Example.de",
                                                   message: "Ich freue mich.", cv: Self.pdf, ip: "203.0.113.5", language: .de, now: now)
            let stored = try await database.read { sql in try await JobRepository(sql).applications() }
            #expect(stored.count == 1)
            #expect(stored.first?.application.email == "jana@example.de")
            let file = try #require(stored.first?.cvFile)
            #expect(FileManager.default.contents(atPath: storage + "/" + file) == Data(Self.pdf))
            let attributes = try FileManager.default.attributesOfItem(atPath: storage + "/" + file)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            #expect(try await desk.cv(applicationID: application.id, by: commandLine, now: now) == Data(Self.pdf))
            let mails = try await database.transaction { sql in
                try await MailOutboxRepository(sql, dialect: database.dialect).claimDue(now: now, lease: 60, limit: 10)
            }
            #expect(Set(mails.map(\.recipient)) == ["jana@example.de", "personal@tresor.example"])
            let notice = try #require(mails.first { $0.recipient == "personal@tresor.example" })
            #expect(try #require(MailText.plain(notice.raw)).contains("Name: Jana Beispiel"))
            #expect(!notice.raw.contains("%PDF"))  // the CV stays in the shop

            // Anything wrong: nothing is kept, no file, no mail.
            await #expect(throws: ApplicationProblem.fields(["name", "email"])) {
                try await desk.apply(slug: "berater", name: " ", email: "kein-at", message: "", cv: Self.pdf, ip: "x", language: .de,
                                     now: now)
            }
            await #expect(throws: ApplicationProblem.cv(.notPDF)) {
                try await desk.apply(slug: "berater", name: "Max", email: "max@example.de", message: "", cv: Array("hallo".utf8),
                                     ip: "x", language: .de, now: now)
            }
            for slug in ["alt", "abgelaufen", "gibt-es-nicht"] {
                await #expect(throws: ApplicationProblem.jobNotOpen) {
                    try await desk.apply(slug: slug, name: "Max", email: "max@example.de", message: "", cv: Self.pdf, ip: "x",
                                         language: .de, now: now)
                }
            }
            #expect(try await database.read { sql in try await JobRepository(sql).applications() }.count == 1)
            #expect(try FileManager.default.contentsOfDirectory(atPath: storage).count == 1)
        }
    }

    @Test(arguments: TestDatabase.available)
    func applicationsAreDeletedAfterTheRetentionMonths(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let storage = folder()
            defer { try? FileManager.default.removeItem(atPath: storage) }
            let desk = desk(database, storage: storage, months: 6)
            try await database.transaction { sql in try await JobRepository(sql).save(job()) }
            let may = CivilDate.utcMidnight(2026, 5, 20).addingTimeInterval(9 * 3600)
            let july = CivilDate.utcMidnight(2026, 7, 1).addingTimeInterval(9 * 3600)
            let old = try await desk.apply(slug: "berater", name: "Alt", email: "alt@example.de", message: "", cv: Self.pdf, ip: "x",
                                           language: .de, now: may)
            try await desk.apply(slug: "berater", name: "Neu", email: "neu@example.de", message: "", cv: Self.pdf, ip: "x",
                                 language: .de, now: july)
            // 27 November: six months back is 27 May; May's application goes, July's stays.
            #expect(try await desk.deleteExpired(now: now) == 1)
            let left = try await database.read { sql in try await JobRepository(sql).applications() }
            #expect(left.map(\.application.name) == ["Neu"])
            #expect(try FileManager.default.contentsOfDirectory(atPath: storage) == [try #require(left.first?.cvFile)])
            #expect(try await desk.cv(applicationID: old.id, by: commandLine, now: now) == nil)
            #expect(try await desk.deleteExpired(now: now) == 0)
        }
    }

    @Test(arguments: TestDatabase.available)
    func callBackRequestsLandInTheQueue(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let desk = ConsultationDesk(database: database, mail: MailSettings(), staffAddress: "beratung@tresor.example")
            guard case .failure(let wrong) = CallbackRequest.from(name: "", phone: "abc", window: "22-23", topic: "gold",
                                                                  consented: false, language: .de, consentText: "x", now: now) else {
                Issue.record("invalid input was accepted")
                return
            }
            #expect(wrong.fields == ["name", "phone", "window", "topic", "consent"])
            let request = try CallbackRequest.from(name: "Karl Muster", phone: "+49 221 123456", window: "12-15", topic: "selling-back",
                                                   consented: true, language: .de, consentText: "Ich bin einverstanden.", now: now).get()
            try await desk.request(request, ip: "203.0.113.5", now: now)
            let queue = try await desk.queue()
            #expect(queue == [request])
            _ = try await testStaffDirectory(database).add(email: "anna@tresor.example", name: "Anna Berger", role: .owner, by: commandLine, now: now)
            let anna = try await staff("anna@tresor.example", database)
            #expect(try await desk.mark(id: request.id, .called, by: anna, now: now))
            #expect(try await desk.queue().isEmpty)
            #expect(try await desk.queue(status: .called).map(\.id) == [request.id])
            #expect(try await desk.mark(id: UUID(), .closed, by: anna, now: now) == false)
            #expect(CallbackRequest.isPhoneNumber("(0221) 123-456"))
            #expect(!CallbackRequest.isPhoneNumber("0221 12+34"))
            #expect(!CallbackRequest.isPhoneNumber("12345"))
        }
    }
}
