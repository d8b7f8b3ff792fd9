import Foundation
import NIOCore
import NIOPosix
import TresorStore

/// The receiving server refused a message; `permanent` for a 5xx reply, which no retry will change.
public struct MailRejected: Error, CustomStringConvertible {
    public var reply: String
    public var permanent: Bool
    public var description: String { "SMTP server replied \(reply)" }
}

/// Plain SMTP to a relay (a local Postfix, an ESP's relay host on a private network) over connections
/// that stay open between messages, with command pipelining (RFC 2920) when the server offers it: two round
/// trips per message instead of a process and a connection per message. No TLS and no AUTH: for a relay
/// that is reached over the internet, use the `sendmail` transport with msmtp.
public actor SMTPTransport: MailTransport {
    nonisolated let host: String
    nonisolated let port: Int
    nonisolated let helo: String
    nonisolated let envelopeFrom: String
    /// Open connections kept for the next message; the busiest sender keeps as many as it runs at once.
    let maxIdle: Int
    var idle: [SMTPConnection] = []

    public init(host: String, port: Int, helo: String, envelopeFrom: String, maxIdle: Int = 8) {
        self.host = host
        self.port = port
        self.helo = helo
        self.envelopeFrom = envelopeFrom
        self.maxIdle = maxIdle
    }

    public func deliver(_ mail: OutgoingMail) async throws {
        // A kept connection may have been closed by the server meanwhile: then once more on a new one.
        for attempt in 0..<2 {
            let reused = !idle.isEmpty && attempt == 0
            let connection = reused ? idle.removeLast() : try await SMTPConnection.open(host: host, port: port, helo: helo)
            do {
                try await connection.send(from: envelopeFrom, to: mail.recipient, message: mail.raw)
                keep(connection)
                return
            } catch let rejected as MailRejected {
                if (try? await connection.reset()) != nil { keep(connection) } else { connection.close() }
                throw rejected
            } catch {
                connection.close()
                if !reused { throw error }
            }
        }
    }

    func keep(_ connection: SMTPConnection) {
        if idle.count < maxIdle { idle.append(connection) } else { connection.close() }
    }

    /// Says goodbye on every kept connection.
    public func shutdown() {
        for connection in idle { connection.close() }
        idle = []
    }
}

/// One SMTP session on a NIO channel. Commands are written with a promise each; replies complete the
/// promises in order, which is what makes pipelining safe.
final class SMTPConnection: Sendable {
    let channel: any Channel
    let pipelining: Bool

    init(channel: any Channel, pipelining: Bool) {
        self.channel = channel
        self.pipelining = pipelining
    }

    static func open(host: String, port: Int, helo: String) async throws -> SMTPConnection {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(SMTPReplyHandler()) }
            }
            .connect(host: host, port: port).get()
        let unready = SMTPConnection(channel: channel, pipelining: false)
        do {
            try await unready.command(nil).get().expect(220)
            var hello = try await unready.command("EHLO \(helo)").get()
            if hello.code != 250 { hello = try await unready.command("HELO \(helo)").get() }
            try hello.expect(250)
            return SMTPConnection(channel: channel, pipelining: hello.lines.contains { $0.dropFirst(4).uppercased() == "PIPELINING" })
        } catch {
            unready.close()
            throw error
        }
    }

    /// Writes a command line (nil: nothing, just wait for the greeting) and returns its reply.
    func command(_ line: String?) -> EventLoopFuture<SMTPReply> {
        write(line.map { ByteBuffer(string: $0 + "\r\n") })
    }

    func write(_ bytes: ByteBuffer?) -> EventLoopFuture<SMTPReply> {
        let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
        channel.writeAndFlush(SMTPRequest(bytes: bytes, promise: promise), promise: nil)
        return promise.futureResult
    }

    func send(from: String, to: String, message: String) async throws {
        let mailFrom = "MAIL FROM:<\(from)>", rcptTo = "RCPT TO:<\(to)>"
        if pipelining {
            let (sender, recipient, data) = (command(mailFrom), command(rcptTo), command("DATA"))
            let replies = (try await sender.get(), try await recipient.get(), try await data.get())
            if replies.2.code == 354 && (replies.0.code != 250 || replies.1.code / 100 != 2) {
                _ = try? await command(".").get()  // the server took DATA anyway: end it empty
            }
            try replies.0.expect(250)
            try replies.1.expect(250, 251)
            try replies.2.expect(354)
        } else {
            try await command(mailFrom).get().expect(250)
            try await command(rcptTo).get().expect(250, 251)
            try await command("DATA").get().expect(354)
        }
        try await write(ByteBuffer(bytes: Self.dotStuffed(message) + Array(".\r\n".utf8))).get().expect(250)
    }

    func reset() async throws { try await command("RSET").get().expect(250) }

    func close() {
        channel.writeAndFlush(SMTPRequest(bytes: ByteBuffer(string: "QUIT\r\n"), promise: nil), promise: nil)
        channel.close(promise: nil)
    }

    /// The message with CRLF line ends and every line that starts with a dot given a second one (RFC 5321 4.5.2),
    /// ending in CRLF so the terminating dot has its own line. One pass over the bytes.
    static func dotStuffed(_ message: String) -> [UInt8] {
        let (cr, lf, dot): (UInt8, UInt8, UInt8) = (13, 10, UInt8(ascii: "."))
        var out: [UInt8] = []
        out.reserveCapacity(message.utf8.count + 64)
        var lineStart = true
        var previous: UInt8 = 0
        var text = message
        text.withUTF8 { bytes in for byte in bytes {
            if byte == lf {
                if previous != cr { out.append(cr) }
                out.append(lf)
                lineStart = true
            } else {
                if lineStart && byte == dot { out.append(dot) }
                out.append(byte)
                lineStart = false
            }
            previous = byte
        } }
        if !out.isEmpty && !(out.count >= 2 && out[out.count - 2] == cr && out[out.count - 1] == lf) { out += [cr, lf] }
        return out
    }
}

/// A reply: the three-digit code and every line of it.
struct SMTPReply: Sendable {
    var code: Int
    var lines: [String]

    func expect(_ codes: Int...) throws {
        guard !codes.contains(code) else { return }
        throw MailRejected(reply: lines.joined(separator: " / "), permanent: code / 100 == 5)
    }
}

struct SMTPRequest: Sendable {
    var bytes: ByteBuffer?
    var promise: EventLoopPromise<SMTPReply>?
}

/// Matches replies to the promises of the commands written, in order; a reply that arrives before anyone
/// asked (the greeting) waits for the first request.
final class SMTPReplyHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = SMTPRequest
    typealias OutboundOut = ByteBuffer

    private var waiting = CircularBuffer<EventLoopPromise<SMTPReply>>()
    private var early = CircularBuffer<SMTPReply>()
    private var partial: [UInt8] = []
    private var lines: [String] = []

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        if let reply = request.promise {
            if let ready = early.popFirst() { reply.succeed(ready) } else { waiting.append(reply) }
        }
        if let bytes = request.bytes { context.write(wrapOutboundOut(bytes), promise: promise) } else { promise?.succeed(()) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        partial += buffer.readBytes(length: buffer.readableBytes) ?? []
        while let newline = partial.firstIndex(of: UInt8(ascii: "\n")) {
            var line = String(decoding: partial[..<newline], as: UTF8.self)
            partial.removeSubrange(...newline)
            if line.hasSuffix("\r") { line.removeLast() }
            lines.append(line)
            // `250-…` continues, `250 …` ends a reply.
            let chars = Array(line.utf8)
            if chars.count > 3 && chars[3] == UInt8(ascii: "-") { continue }
            let reply = SMTPReply(code: Int(line.prefix(3)) ?? 0, lines: lines)
            lines = []
            if let promise = waiting.popFirst() { promise.succeed(reply) } else { early.append(reply) }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        failAll(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        failAll(ChannelError.ioOnClosedChannel)
        context.fireChannelInactive()
    }

    private func failAll(_ error: any Error) {
        while let promise = waiting.popFirst() { promise.fail(error) }
    }
}
