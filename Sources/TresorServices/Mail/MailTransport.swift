import Foundation
import Synchronization
import TresorStore

/// Hands a rendered message to the world.
public protocol MailTransport: Sendable {
    func deliver(_ mail: OutgoingMail) async throws
}

/// Writes each message as an `.eml` file (the default: nothing leaves the machine).
public struct FileTransport: MailTransport {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// Messages hold reset links and order tokens: readable by the shop's own user only (0600, in a 0700 folder).
    public func deliver(_ mail: OutgoingMail) async throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let path = directory + "/" + mail.id.uuidString.lowercased() + ".eml"
        // Written under a temporary name and moved, so a reader never sees half a message; created 0600, never wider.
        let temporary = path + ".part"
        if FileManager.default.fileExists(atPath: temporary) { try FileManager.default.removeItem(atPath: temporary) }
        guard FileManager.default.createFile(atPath: temporary, contents: Data(mail.raw.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary])
        }
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: temporary, toPath: path)
    }
}

/// Pipes each message to a sendmail-compatible program (msmtp, Postfix's sendmail), which does SMTP, TLS
/// and queueing.
public struct SendmailTransport: MailTransport {
    public let program: String
    public let arguments: [String]

    public init(program: String = "/usr/sbin/sendmail", arguments: [String] = ["-i"]) {
        self.program = program
        self.arguments = arguments
    }

    public struct Failed: Error, CustomStringConvertible {
        public var status: Int32
        public var output: String
        public var description: String { "sendmail exited with \(status): \(output)" }
    }

    /// Processes are started one at a time, so that no child is started while another's pipes are being set up
    /// (and inherits them); the programs still run side by side.
    static let starting = Mutex(())

    public func deliver(_ mail: OutgoingMail) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments + ["--", mail.recipient]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try Self.starting.withLock { _ in try process.run() }
                // The child has its own copies of these ends; the parent's stayed open and leaked two descriptors
                // per message until Foundation crashed past 1,024 open files.
                try? input.fileHandleForReading.close()
                try? output.fileHandleForWriting.close()
                input.fileHandleForWriting.write(Data(mail.raw.utf8))
                try input.fileHandleForWriting.close()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        defer { try? output.fileHandleForReading.close() }
        guard status == 0 else {
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw Failed(status: status, output: String(text.prefix(500)))
        }
    }
}
