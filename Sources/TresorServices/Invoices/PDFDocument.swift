import Foundation

/// A small PDF 1.7 writer for documents of text and rules on A4 pages, in the standard fonts Helvetica and
/// Helvetica-Bold with WinAnsiEncoding (every PDF reader has them; German letters and € are in the
/// encoding). The output is plain ASCII and deterministic for the same input. See docs/architecture.md for
/// why invoices are drawn here rather than printed from HTML.
public struct PDFDocument: Sendable {
    public static let a4 = (width: 595.0, height: 842.0)

    /// One page's drawing operators.
    public struct Page: Sendable {
        var operators: [String] = []

        public init() {}

        /// Text with its baseline at (x, y), measured from the bottom left in points.
        public mutating func text(_ string: String, x: Double, y: Double, size: Double = 9, bold: Bool = false) {
            operators.append("BT /\(bold ? "F2" : "F1") \(PDFDocument.number(size)) Tf \(PDFDocument.number(x)) \(PDFDocument.number(y)) Td (\(PDFDocument.literal(string))) Tj ET")
        }

        /// Text that ends at `right`.
        public mutating func text(_ string: String, right: Double, y: Double, size: Double = 9, bold: Bool = false) {
            text(string, x: right - PDFDocument.width(of: string, size: size, bold: bold), y: y, size: size, bold: bold)
        }

        /// A horizontal rule.
        public mutating func rule(from x1: Double, to x2: Double, y: Double, width: Double = 0.5) {
            operators.append("\(PDFDocument.number(width)) w \(PDFDocument.number(x1)) \(PDFDocument.number(y)) m \(PDFDocument.number(x2)) \(PDFDocument.number(y)) l S")
        }
    }

    public var title: String
    public var created: Date
    public var pages: [Page] = []

    public init(title: String, created: Date) {
        self.title = title
        self.created = created
    }

    /// The width of `string` in points, from Helvetica's metrics.
    public static func width(of string: String, size: Double, bold: Bool = false) -> Double {
        let table = bold ? HelveticaMetrics.bold : HelveticaMetrics.regular
        let units = winAnsi(string).reduce(0) { sum, byte in sum + Int(byte >= 32 ? table[Int(byte) - 32] : 0) }
        return Double(units) * size / 1000
    }

    /// Breaks `string` into lines no wider than `width` points, at spaces.
    public static func wrap(_ string: String, width: Double, size: Double, bold: Bool = false) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in string.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if !current.isEmpty && Self.width(of: candidate, size: size, bold: bold) > width {
                lines.append(current)
                current = String(word)
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The finished file.
    public func rendered() -> Data {
        var objects: [String] = []
        let pageCount = pages.count
        // 1 catalog, 2 page tree, 3 and 4 fonts, 5 info, then a page and its content stream per page.
        let kids = (0..<pageCount).map { "\(6 + 2 * $0) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pageCount) >>")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
        objects.append("<< /Title (\(Self.literal(title))) /Producer (Tresor) /CreationDate (\(Self.pdfDate(created))) >>")
        for (index, page) in pages.enumerated() {
            let stream = page.operators.joined(separator: "\n")
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                           + "/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents \(7 + 2 * index) 0 R >>")
            objects.append("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream")
        }
        var offsets: [Int] = []
        var bytes = Data()
        func append(_ text: String) {
            // Only the binary marker comment holds bytes above 127; everything else is ASCII.
            bytes.append(contentsOf: text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
        }
        append("%PDF-1.7\n%\u{e2}\u{e3}\u{cf}\u{d3}\n")
        for (index, object) in objects.enumerated() {
            offsets.append(bytes.count)
            append("\(index + 1) 0 obj\n\(object)\nendobj\n")
        }
        let xref = bytes.count
        append("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n")
        for offset in offsets {
            let digits = String(offset)
            append(String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n")
        }
        append("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R /Info 5 0 R >>\nstartxref\n\(xref)\n%%EOF\n")
        return bytes
    }

    static func number(_ value: Double) -> String {
        let hundredths = (value * 100).rounded()
        let whole = Int(hundredths) / 100
        let fraction = abs(Int(hundredths) % 100)
        return fraction == 0 ? String(whole) : "\(value < 0 && whole == 0 ? "-" : "")\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// A PDF string literal: parentheses and backslashes escaped, everything outside printable ASCII as an
    /// octal escape of its WinAnsi byte.
    static func literal(_ string: String) -> String {
        var out = ""
        for byte in winAnsi(string) {
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"): out += "\\" + String(UnicodeScalar(byte))
            case 32..<127: out.append(Character(UnicodeScalar(byte)))
            default:
                let octal = String(byte, radix: 8)
                out += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
            }
        }
        return out
    }

    /// WinAnsi (Windows-1252) bytes; characters it lacks become `?`.
    static func winAnsi(_ string: String) -> [UInt8] {
        string.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0x20..<0x7F, 0xA0...0xFF: UInt8(scalar.value)
            case 0x202F: 0xA0  // narrow no-break space
            default: winAnsiExtras[scalar.value] ?? UInt8(ascii: "?")
            }
        }
    }

    static let winAnsiExtras: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02C6: 0x88,
        0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91, 0x2019: 0x92, 0x201C: 0x93,
        0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98, 0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B,
        0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]

    /// `D:20261127103000Z`
    static func pdfDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!  // safe: UTC always exists
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "D:\(c.year ?? 0)\(two(c.month))\(two(c.day))\(two(c.hour))\(two(c.minute))\(two(c.second))Z"
    }
}
