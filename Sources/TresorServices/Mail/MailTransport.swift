import Foundation
import Subprocess
import SystemPackage
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

    /// Started through swift-subprocess: Foundation's `Process` crashed (a bad read in `run()`) when several
    /// deliveries started children at once, as a campaign does. Output and error come back together, capped.
    public func deliver(_ mail: OutgoingMail) async throws {
        let result = try await Subprocess.run(.path(FilePath(program)), arguments: Arguments(arguments + ["--", mail.recipient]),
                                              input: .string(mail.raw), output: .string(limit: 64 * 1024),
                                              error: .combinedWithOutput)
        guard result.terminationStatus.isSuccess else {
            let status: Int32 = switch result.terminationStatus {
            case .exited(let code): code
            case .signaled(let signal): 128 + signal
            }
            throw Failed(status: status, output: String(result.standardOutput.prefix(500)))
        }
    }
}
