import Foundation
import Ink

/// Article Markdown to HTML that can go into a page as it is. Ink passes raw HTML and unescaped URLs through
/// and can hang on `<p` without a closing `>`, so: the input is capped, every `<` is taken out before Ink
/// sees it (no HTML can start) and put back as `&lt;`, and links and images are rebuilt from their Markdown
/// with only http(s), mailto and relative addresses, escaped, external links with `rel="noopener"`.
public struct SafeMarkdown: Sendable {
    /// Longer input is cut here (articles are refused at import above it).
    public static let maximumLength = 100_000
    /// Stands for `<` while Ink parses (a private-use character; removed from the input first).
    static let lessThan: Character = "\u{E000}"

    /// The shop's own host: links to it get no `rel`.
    public var ownHost: String?

    public init(ownHost: String? = nil) { self.ownHost = ownHost }

    public func html(_ markdown: String) -> String {
        var source = String(markdown.prefix(Self.maximumLength))
        source.removeAll { $0 == Self.lessThan }
        source = source.replacingOccurrences(of: "<", with: String(Self.lessThan))
        // Ink reads a leading `---` block as metadata; front matter is handled before, so never here.
        if source.hasPrefix("---") { source = "\n" + source }
        var parser = MarkdownParser()
        parser.addModifier(Modifier(target: .links) { input in link(input.html, input.markdown) })
        parser.addModifier(Modifier(target: .images) { input in image(input.markdown) })
        parser.addModifier(Modifier(target: .html) { input in Self.text(String(input.markdown)) })
        parser.addModifier(Modifier(target: .codeBlocks) { input in Self.codeBlock(input.html, input.markdown) })
        return parser.html(from: source).replacingOccurrences(of: String(Self.lessThan), with: "&lt;")
    }

    /// `[text](url)`: the text as Ink rendered it, the address checked and escaped; anything else is text.
    func link(_ html: String, _ markdown: Substring) -> String {
        let inner = html.firstIndex(of: ">").flatMap { start in
            html.range(of: "</a>", options: .backwards).map { String(html[html.index(after: start)..<$0.lowerBound]) }
        } ?? Self.text(String(markdown))
        guard let url = Self.inlineURL(markdown), let address = allowed(url, images: false) else { return inner }
        let rel = isExternal(address) ? " rel=\"noopener\"" : ""
        return "<a href=\"\(Self.attribute(address))\"\(rel)>\(inner)</a>"
    }

    /// `![alt](url)`: only http(s) and relative sources.
    func image(_ markdown: Substring) -> String {
        guard let url = Self.inlineURL(markdown), let address = allowed(url, images: true),
              let open = markdown.firstIndex(of: "["), let close = markdown.range(of: "](", options: .backwards) else {
            return Self.text(String(markdown))
        }
        let alt = String(markdown[markdown.index(after: open)..<close.lowerBound])
        return "<img src=\"\(Self.attribute(address))\" alt=\"\(Self.attribute(Self.restored(alt)))\" loading=\"lazy\">"
    }

    /// Ink copies a fenced block's language into `class="language-…"` unescaped (the fuzz test found
    /// `class="language-x" onerror="…"`): the language is cut down to letters, digits, `+`, `-` and `_`.
    static func codeBlock(_ html: String, _ markdown: Substring) -> String {
        guard html.hasPrefix("<pre><code"), let open = html.firstIndex(of: ">").flatMap({ html[html.index(after: $0)...].firstIndex(of: ">") })
        else { return html }
        let fence = markdown.drop { $0 == "`" || $0 == " " }.prefix { $0 != "\n" }
        let language = String(fence.filter { $0.isASCII && ($0.isLetter || $0.isNumber || "+-_".contains($0)) }.prefix(20))
        let head = language.isEmpty ? "<pre><code>" : "<pre><code class=\"language-\(language)\">"
        return head + html[html.index(after: open)...]
    }

    /// The address of an inline link or image: what stands between the last `](` and the final `)`.
    static func inlineURL(_ markdown: Substring) -> String? {
        guard markdown.hasSuffix(")"), let start = markdown.range(of: "](", options: .backwards) else { return nil }
        let url = markdown[start.upperBound..<markdown.index(before: markdown.endIndex)].trimmingCharacters(in: .whitespaces)
        // A title after the address (`(url "title")`) is dropped.
        return url.split(separator: " ", maxSplits: 1).first.map { restored(String($0)) }
    }

    /// The address if its scheme is allowed: http(s) and mailto for links, http(s) for images, or relative.
    func allowed(_ url: String, images: Bool) -> String? {
        guard !url.isEmpty, !url.contains(where: { $0.isWhitespace || $0.isNewline }) else { return nil }
        let lower = url.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") { return url }
        if !images && lower.hasPrefix("mailto:") { return url }
        // Relative: a path, a fragment or a query, with no scheme before the first `/`, `?` or `#`.
        let head = url.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return head.contains(":") || url.hasPrefix("//") ? nil : url
    }

    func isExternal(_ address: String) -> Bool {
        let lower = address.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return false }
        guard let ownHost, let host = URL(string: address)?.host?.lowercased() else { return true }
        return host != ownHost.lowercased()
    }

    static func restored(_ text: String) -> String { text.replacingOccurrences(of: String(lessThan), with: "<") }

    /// Text for an HTML text node.
    static func text(_ raw: String) -> String {
        restored(raw).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    static func attribute(_ value: String) -> String { Escape.attribute(value) }
}
