import Plot

/// Plot escapes text nodes but writes attribute values as they are; every attribute value of the web pages
/// and the e-mails passes here.
public enum Escape {
    public static func attribute(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for ch in value.unicodeScalars {
            switch ch {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(ch)
            }
        }
        return result
    }

    /// Query string for links; values percent-encoded (the attribute helper escapes the `&`s afterwards).
    public static func query(_ parameters: [(name: String, value: String)]) -> String {
        guard !parameters.isEmpty else { return "" }
        return "?" + parameters.map { "\(percent($0.name))=\(percent($0.value))" }.joined(separator: "&")
    }

    public static func percent(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}

extension Node {
    /// The one way views set an attribute: the value is always escaped, and an empty value is kept
    /// (Plot would drop it, and an `<option>` without `value` submits its label instead of "").
    public static func attr(_ name: String, _ value: String) -> Node {
        .attribute(named: name, value: Escape.attribute(value), ignoreIfValueIsEmpty: false)
    }

    /// A boolean attribute (`selected`, `checked`) when `on`.
    public static func flag(_ name: String, _ on: Bool) -> Node {
        on ? .attribute(named: name) : .empty
    }
}

extension Attribute {
    /// The same escaping for elements that take attributes only (`input`).
    public static func attr(_ name: String, _ value: String) -> Attribute {
        Attribute(name: name, value: Escape.attribute(value), ignoreIfValueIsEmpty: false)
    }

    public static func flag(_ name: String, _ on: Bool) -> Attribute {
        on ? Attribute(name: name, value: nil, ignoreIfValueIsEmpty: false) : .empty
    }
}

extension Node where Context == HTML.SelectContext {
    /// An `<option>` with its label as text (Plot's own option takes attributes only).
    public static func choice(_ value: String, _ label: String, selected: Bool = false) -> Node {
        .element(named: "option", nodes: [.attr("value", value), .flag("selected", selected), .text(label)])
    }
}
