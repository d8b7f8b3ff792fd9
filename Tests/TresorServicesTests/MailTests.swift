import Foundation
import Synchronization
import Testing
import TresorCore
@testable import TresorServices
import TresorStore
import TresorTestSupport

@Suite struct MailMessageTests {
    let date = Date(timeIntervalSince1970: 1_795_773_600)  // 2026-11-27 10:00:00 UTC

    func message() -> MailMessage {
        MailMessage(from: .init(name: "Tresor Edelmetalle", email: "service@tresor.example"),
                    to: .init(name: "Jürgen Müller-Lüdenscheidt", email: "j@example.de"),
                    subject: "Ihre Bestellung T-2026-000001 – Bestätigung für Goldmünzen und Silberbarren aus Köln",
                    text: "Grüße aus Köln\nZeile zwei", html: "<p>Grüße</p>", date: date, messageID: "<abc@tresor.example>")
    }

    @Test func headersAreRFC5322WithEncodedWords() throws {
        let raw = message().rendered(boundary: "B")
        let head = try #require(raw.components(separatedBy: "\r\n\r\n").first)
        #expect(head.contains("Date: Fri, 27 Nov 2026 10:00:00 +0000\r\n"))
        #expect(head.contains("From: Tresor Edelmetalle <service@tresor.example>\r\n"))
        #expect(head.contains("Message-ID: <abc@tresor.example>\r\n"))
        #expect(head.contains("MIME-Version: 1.0\r\n"))
        #expect(head.contains("Content-Type: multipart/alternative; boundary=\"B\""))
        // Non-ASCII headers are encoded words of at most 75 characters that decode back to the text.
        let subjectLines = head.components(separatedBy: "\r\n").drop { !$0.hasPrefix("Subject: ") }
            .prefix { $0.hasPrefix("Subject: ") || $0.hasPrefix(" ") }
        let words = subjectLines.map { $0.replacingOccurrences(of: "Subject: ", with: "").trimmingCharacters(in: .whitespaces) }
        #expect(words.count > 1)
        #expect(words.allSatisfy { $0.count <= 75 && $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") })
        let decoded = words.map { word -> String in
            let payload = word.dropFirst(10).dropLast(2)
            return String(decoding: Data(base64Encoded: String(payload))!, as: UTF8.self)
        }.joined()
        #expect(decoded == message().subject)
        #expect(head.contains("To: =?UTF-8?B?"))
        #expect(raw.allSatisfy { $0.isASCII })
        #expect(!raw.replacingOccurrences(of: "\r\n", with: "").contains("\n"))  // CRLF only
    }

    /// A display name is a quoted string when it is more than plain words, so nothing in it starts a second address;
    /// what could still break out of the address is dropped.
    @Test func displayNamesAreQuotedAndAddressesCannotSpill() {
        #expect(MailMessage.mailbox(.init(name: "Api Kunde", email: "kunde@example.de")) == "Api Kunde <kunde@example.de>")
        #expect(MailMessage.mailbox(.init(name: "Kunde, Api <boss@evil.example>", email: "kunde@example.de"))
                == "\"Kunde, Api <boss@evil.example>\" <kunde@example.de>")
        #expect(MailMessage.mailbox(.init(name: "Max \"Goldie\" Mustermann", email: "m@example.de"))
                == "\"Max \\\"Goldie\\\" Mustermann\" <m@example.de>")
        #expect(MailMessage.mailbox(.init(name: "Api Kunde", email: "victim@x.de>,<other")) == "Api Kunde <victim@x.deother>")
        #expect(MailMessage.mailbox(.init(name: "Evil\r\nBcc: x@y.de", email: "a@example.de")) == "\"Evil  Bcc: x@y.de\" <a@example.de>")
    }

    /// The HTML part's head is the charset and an escaped title: Plot's title helper wrote the subject unescaped
    /// into `og:title`, so a customer's name in a subject could add markup. Only the shop's own links are anchors.
    @Test func mailHeadsAreEscapedAndOnlyTheShopsLinksAreLinks() throws {
        let name = "Max\" ><a href=\"https://evil.example/login\">Konto gesperrt</a>"
        let mail = ShopMail.compose(to: .init(name: "", email: "beratung@tresor.example"), subject: "Rückruf: \(name)",
                                    lines: ["Name: \(name)", "https://evil.example/login", "https://tresor.example/bestellung/T-1"],
                                    links: ["https://tresor.example/bestellung/T-1"], settings: MailSettings(), now: date)
        let html = try #require(MailText.html(mail.raw))
        #expect(!html.contains("og:title") && !html.contains("twitter:title"))
        #expect(!html.contains("<a href=\"https://evil.example"))
        #expect(html.contains("<title>Rückruf: Max&quot; &gt;&lt;a href=&quot;https://evil.example/login&quot;&gt;Konto gesperrt&lt;/a&gt;</title>")
                || html.contains("<title>Rückruf: Max\" &gt;&lt;a href=\"https://evil.example/login\"&gt;Konto gesperrt&lt;/a&gt;</title>"))
        #expect(html.contains("<p>https://evil.example/login</p>"))
        #expect(html.contains("<a href=\"https://tresor.example/bestellung/T-1\">"))
    }

    @Test func bodyPartsDecodeToTheText() throws {
        let raw = message().rendered(boundary: "B")
        let parts = raw.components(separatedBy: "--B")
        #expect(parts.count == 4)
        let textPart = parts[1].components(separatedBy: "\r\n\r\n")[1].replacingOccurrences(of: "\r\n", with: "")
        #expect(String(decoding: Data(base64Encoded: textPart)!, as: UTF8.self) == "Grüße aus Köln\nZeile zwei")
        #expect(parts[2].contains("Content-Type: text/html; charset=utf-8"))
        #expect(parts[3].hasPrefix("--"))
    }
}

/// A transport that fails a set number of times, then records.
final class FlakyTransport: MailTransport {
    let failures: Int
    private let state = Mutex((attempts: 0, delivered: [String]()))
    init(failures: Int) { self.failures = failures }
    var delivered: [String] { state.withLock { $0.delivered } }
    func deliver(_ mail: OutgoingMail) async throws {
        let fail = state.withLock { state -> Bool in
            state.attempts += 1
            if state.attempts <= failures { return true }
            state.delivered.append(mail.recipient)
            return false
        }
        if fail { throw CocoaError(.fileWriteUnknown) }
    }
}

@Suite struct OutboxTests {
    let base = OrderDeskTests()

    @Test(arguments: TestDatabase.available)
    func confirmationIsWrittenWithTheOrderOnly(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, snapshot) = try await base.shop(database, stock: 1)
            let dialect = database.dialect
            let quotes = try (0..<2).map { _ in try QuoteDesk().quote([("AU-ML-1OZ", 1)], snapshot: snapshot, now: base.now) }
            for quote in quotes { try await desk.save(quote) }
            let order = try await desk.place(base.request(quotes[0]), idempotencyKey: nil, by: guest, now: base.now)
            await #expect(throws: OrderProblem.insufficientStock(sku: "AU-ML-1OZ")) {
                try await desk.place(base.request(quotes[1]), idempotencyKey: nil, by: guest, now: base.now)
            }
            let pending = try await database.read { sql in try await MailOutboxRepository(sql, dialect: dialect).count(status: "pending") }
            #expect(pending == 1)  // the refused order wrote no mail

            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tresor-mail-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let mailer = Mailer(database: database, transport: FileTransport(directory: directory), now: { base.now },
                                logger: TestDatabase.logger)
            #expect(try await mailer.deliverDue() == 1)
            #expect(try await mailer.deliverDue() == 0)
            let files = try FileManager.default.contentsOfDirectory(atPath: directory)
            #expect(files.count == 1 && files[0].hasSuffix(".eml"))
            let raw = try String(contentsOfFile: directory + "/" + files[0], encoding: .utf8)
            #expect(raw.contains("To: Erika Mustermann <erika@example.de>"))
            let body = try #require(MailText.plain(raw))
            #expect(body.contains(order.number))
            #expect(body.contains("Verwendungszweck: " + order.paymentReference))
            #expect(body.contains("IBAN DE89370400440532013000"))
            #expect(body.contains("Gesamtbetrag: 2.631,12\u{a0}€"))  // 2601.17 € + 29.95 € shipping
            // On a durable medium, what §312f BGB and Art. 246a EGBGB ask: the seller, the missing right of withdrawal,
            // the terms as they read when the order was placed.
            #expect(body.contains("Ihr Vertragspartner:") && body.contains("Tresor Edelmetalle GmbH, Hohe Straße 1, 50667 Köln"))
            #expect(body.contains("Kein Widerrufsrecht") && body.contains("§ 312g Abs. 2 Nr. 8 BGB"))
            #expect(body.contains("Unsere Allgemeinen Geschäftsbedingungen:") && body.contains("## 5. Zahlungsverzug und Stornierung"))
        }
    }

    @Test func failedDeliveriesAreRetriedWithBackoffThenGivenUp() async throws {
        try await TestDatabase.sqlite.with { database in
            let dialect = database.dialect
            let clock = Mutex(base.now)
            try await database.transaction { sql in
                try await MailOutboxRepository(sql, dialect: dialect).enqueue(
                    OutgoingMail(messageID: "<m1@t>", recipient: "a@example.de", subject: "s", raw: "x"), now: base.now)
            }
            let flaky = FlakyTransport(failures: 2)
            let mailer = Mailer(database: database, transport: flaky, maxAttempts: 3, now: { clock.withLock { $0 } },
                                logger: TestDatabase.logger)
            #expect(try await mailer.deliverDue() == 0)  // attempt 1 fails: next in 30 s
            clock.withLock { $0 += 29 }
            #expect(try await mailer.deliverDue() == 0)  // not due yet
            clock.withLock { $0 += 1 }
            #expect(try await mailer.deliverDue() == 0)  // attempt 2 fails: next in 60 s
            clock.withLock { $0 += 60 }
            #expect(try await mailer.deliverDue() == 1)  // attempt 3 succeeds
            #expect(flaky.delivered == ["a@example.de"])
            #expect(Mailer.backoff(afterAttempts: 1) == 30)
            #expect(Mailer.backoff(afterAttempts: 10) == 3600)

            try await database.transaction { sql in
                try await MailOutboxRepository(sql, dialect: dialect).enqueue(
                    OutgoingMail(messageID: "<m2@t>", recipient: "b@example.de", subject: "s", raw: "x"), now: clock.withLock { $0 })
            }
            let broken = Mailer(database: database, transport: FlakyTransport(failures: 99), maxAttempts: 2,
                                now: { clock.withLock { $0 } }, logger: TestDatabase.logger)
            _ = try await broken.deliverDue()
            clock.withLock { $0 += 30 }
            _ = try await broken.deliverDue()
            let failed = try await database.read { sql in try await MailOutboxRepository(sql, dialect: dialect).count(status: "failed") }
            #expect(failed == 1)
        }
    }

    /// The real hand-off: a sendmail-compatible program gets the message on standard input.
    /// Mail files held reset links and order tokens and were 0644.
    @Test func mailFilesAreReadableByTheShopOnly() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tresor-mail-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let mail = OutgoingMail(messageID: "<m@t>", recipient: "erika@example.de", subject: "Reset", raw: "Subject: Reset\r\n\r\nx")
        try await FileTransport(directory: directory).deliver(mail)
        let file = directory + "/" + mail.id.uuidString.lowercased() + ".eml"
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect((try FileManager.default.attributesOfItem(atPath: directory)[.posixPermissions] as? Int) == 0o700)
        #expect(FileManager.default.contents(atPath: file) == Data(mail.raw.utf8))
    }

    @Test func sendmailTransportPipesTheMessage() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tresor-sendmail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("sendmail").path
        try "#!/bin/sh\necho \"$@\" > \"\(directory.path)/args\"\ncat > \"\(directory.path)/message\"\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        let mail = OutgoingMail(messageID: "<m@t>", recipient: "erika@example.de", subject: "s", raw: "Subject: s\r\n\r\nHallo")
        try await SendmailTransport(program: script).deliver(mail)
        #expect(try String(contentsOfFile: directory.path + "/message", encoding: .utf8) == "Subject: s\r\n\r\nHallo")
        #expect(try String(contentsOfFile: directory.path + "/args", encoding: .utf8) == "-i -- erika@example.de\n")

        let failing = directory.appendingPathComponent("failing").path
        try "#!/bin/sh\ncat >/dev/null\necho 'mail queue full' >&2\nexit 75\n".write(toFile: failing, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: failing)
        await #expect(throws: SendmailTransport.Failed.self) { try await SendmailTransport(program: failing).deliver(mail) }
    }

    /// A campaign hands thousands of messages to sendmail, four at a time: no pipe may stay open per message.
    @Test func sendmailTransportLeavesNoPipesOpen() async throws {
        // Pipes only: other tests open files and sockets meanwhile; a leak of two pipe ends per message would be 400.
        func openPipes() throws -> Int {
            try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").filter {
                ((try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + $0)) ?? "").hasPrefix("pipe:")
            }.count
        }
        let transport = SendmailTransport(program: "/bin/sh", arguments: ["-c", "cat > /dev/null", "sendmail"])
        let mail = OutgoingMail(messageID: "<m@t>", recipient: "erika@example.de", subject: "s", raw: "Subject: s\r\n\r\nHallo")
        try await transport.deliver(mail)
        let before = try openPipes()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 { group.addTask { for _ in 0..<50 { try await transport.deliver(mail) } } }
            try await group.waitForAll()
        }
        #expect(try openPipes() - before < 100)
    }
}
