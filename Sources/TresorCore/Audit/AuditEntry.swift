import Foundation

/// One line of the audit trail: who did what to which thing, the values before and after, and the hash of the
/// line before it. Each entry's hash covers its canonical encoding and that previous hash, so changing or
/// removing any entry breaks the chain from there on (`AuditChainCheck`).
public struct AuditEntry: Sendable, Hashable {
    /// 1, 2, 3 … without gaps.
    public var sequence: Int64
    /// Stored to the millisecond, so both databases give back exactly the time that was hashed.
    public var at: Date
    /// How the actor is recorded (a staff member's e-mail, `system:` and a job).
    public var actor: String
    /// What was done, as a short dotted name: `order.mark-paid`, `stock.count`, `staff.add`.
    public var action: String
    /// What it was done to: an order number, a SKU, an e-mail address.
    public var target: String
    /// The values that changed, before and after, as `name: value` pairs.
    public var before: [String: String]
    public var after: [String: String]
    /// The hash of the entry before (64 zeros for the first).
    public var previousHash: String
    /// SHA-256 over `previousHash` and `canonical`, hex.
    public var hash: String

    public init(sequence: Int64, at: Date, actor: String, action: String, target: String, before: [String: String],
                after: [String: String], previousHash: String, hash: String = "") {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.action = action
        self.target = target
        self.before = before
        self.after = after
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The chain's start: what the first entry names as its predecessor.
    public static let genesis = String(repeating: "0", count: 64)

    /// A time cut to whole milliseconds, as entries store it.
    public static func millisecond(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }

    /// The bytes the hash covers: every field as stored, each written as its length in UTF-8 bytes, a colon and
    /// the value, so no two different entries encode alike (a value cannot pretend to end early).
    public var canonical: String {
        let millis = Int64((at.timeIntervalSince1970 * 1000).rounded())
        let fields = [previousHash, String(sequence), String(millis), actor, action, target, Self.encode(before), Self.encode(after)]
        return fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "\n")
    }

    /// `before`/`after` as stored: one `name=value` per line, names sorted; newlines in values escaped.
    public static func encode(_ values: [String: String]) -> String {
        values.keys.sorted().map { name in
            let value = (values[name] ?? "").replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
            return name + "=" + value
        }.joined(separator: "\n")
    }

    public static func decode(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let equals = line.firstIndex(of: "=") else { continue }
            var value = ""
            var escaped = false
            for ch in line[line.index(after: equals)...] {
                if escaped { value.append(ch == "n" ? "\n" : ch); escaped = false } else if ch == "\\" { escaped = true } else { value.append(ch) }
            }
            values[String(line[..<equals])] = value
        }
        return values
    }
}

/// Where a stored audit trail stops fitting together, as `tresor audit verify` reports it.
public struct AuditBreak: Sendable, Equatable, CustomStringConvertible {
    /// The first entry that does not fit (or the sequence number where one is missing).
    public var sequence: Int64
    public var reason: String

    public init(sequence: Int64, reason: String) {
        self.sequence = sequence
        self.reason = reason
    }

    public var description: String { "entry \(sequence): \(reason)" }
}
