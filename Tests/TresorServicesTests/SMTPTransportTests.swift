import Foundation
import Subprocess
import SystemPackage
import Testing
@testable import TresorServices
import TresorStore

/// The `smtp` transport against Postfix's smtp-sink on loopback (scripts/test installs postfix).
@Suite(.serialized) struct SMTPTransportTests {
    /// Starts smtp-sink with `options`, dumping each message into a folder; stops it afterwards.
    func withSink(_ options: [String], _ body: (_ port: Int, _ dumps: String) async throws -> Void) async throws {
        let program = "/usr/sbin/smtp-sink"
        try #require(FileManager.default.isExecutableFile(atPath: program), "smtp-sink missing: apt-get install postfix")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tresor-sink-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let port = Int.random(in: 20_000...40_000)
        // As root smtp-sink must be told whom to run as; the dump folder must be writable for that user.
        let root = getuid() == 0
        if root { chmod(folder, 0o777) }
        let arguments = (root ? ["-u", "nobody"] : []) + options + ["-d", folder + "/%M.", "127.0.0.1:\(port)", "10"]
        // Started through swift-subprocess (Foundation's Process crashed with children started side by side) and
        // stopped with SIGKILL: a child of the test runner inherits its blocked SIGTERM.
        _ = try await Subprocess.run(.path(FilePath(program)), arguments: Arguments(arguments), input: .none, output: .discarded,
                                     error: .discarded) { execution in
            do {
                // Up to 10 s: on a loaded machine (the whole suite runs in parallel) the sink takes a while to listen.
                var listening = false
                for _ in 0..<100 where !listening {
                    listening = await Self.listening(port)
                    if !listening { try await Task.sleep(for: .milliseconds(100)) }
                }
                try #require(listening, "smtp-sink does not listen on \(port)")
                try await body(port, folder)
            } catch {
                try? execution.send(signal: .kill)
                throw error
            }
            try? execution.send(signal: .kill)
        }
    }

    static func listening(_ port: Int) async -> Bool {
        (try? await SMTPConnection.open(host: "127.0.0.1", port: port, helo: "probe").close()) != nil
    }

    func mail(to recipient: String, body: String) -> OutgoingMail {
        let message = MailMessage(from: .init(name: "Tresor", email: "service@tresor.example"), to: .init(name: "", email: recipient),
                                  subject: "Prüfung", text: body, html: "<p>\(body)</p>", date: Date(),
                                  messageID: MailMessage.newMessageID(domain: "tresor.example"))
        return OutgoingMail(messageID: message.messageID, recipient: recipient, subject: "Prüfung", raw: message.rendered())
    }

    func dumps(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).map {
            try String(contentsOfFile: folder + "/" + $0, encoding: .utf8)
        }
    }

    @Test func deliversOverOneKeptConnectionWithPipelining() async throws {
        try await withSink([]) { port, folder in
            let transport = SMTPTransport(host: "127.0.0.1", port: port, helo: "tresor.example", envelopeFrom: "bounces@tresor.example")
            let raw = "From: a@tresor.example\r\nTo: b@example.de\r\nSubject: dots\r\n\r\n.leading dot\r\n..two\r\nend\r\n"
            try await transport.deliver(OutgoingMail(messageID: "<d@x>", recipient: "b@example.de", subject: "dots", raw: raw))
            for n in 1...3 { try await transport.deliver(mail(to: "kunde\(n)@example.de", body: "Nachricht \(n)")) }
            #expect(await transport.idle.count == 1)  // one connection served all four
            #expect(await transport.idle.first?.pipelining == true)
            await transport.shutdown()
            try await Task.sleep(for: .milliseconds(300))
            let received = try dumps(folder)
            #expect(received.count == 4)
            let dotted = try #require(received.first { $0.contains("Subject: dots") })
            // The sink undoes the dot-stuffing: the text arrives as it was written.
            #expect(dotted.contains("\n.leading dot\n..two\nend\n"))
            #expect(dotted.contains("bounces@tresor.example"))
            #expect(received.contains { $0.contains("kunde2@example.de") })
        }
    }

    @Test func aRefusedRecipientIsAPermanentFailureAndTheConnectionStaysUsable() async throws {
        try await withSink(["-f", "RCPT"]) { port, _ in
            let transport = SMTPTransport(host: "127.0.0.1", port: port, helo: "tresor.example", envelopeFrom: "bounces@tresor.example")
            do {
                try await transport.deliver(mail(to: "weg@example.de", body: "x"))
                Issue.record("the sink refuses every recipient")
            } catch let rejected as MailRejected {
                #expect(rejected.permanent)
                #expect(rejected.reply.hasPrefix("500 5.3.0"))
            }
            #expect(await transport.idle.count == 1)  // reset and kept
            #expect(await transport.idle.first?.pipelining == false)  // -f turns pipelining off
            await transport.shutdown()
        }
    }

    @Test func aClosedServerIsAnError() async throws {
        let transport = SMTPTransport(host: "127.0.0.1", port: 9, helo: "tresor.example", envelopeFrom: "b@tresor.example")
        await #expect(throws: (any Error).self) { try await transport.deliver(mail(to: "x@example.de", body: "x")) }
    }
}
