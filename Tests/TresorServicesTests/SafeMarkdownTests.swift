import Foundation
import Testing
import TresorCore
@testable import TresorServices

@Suite struct SafeMarkdownTests {
    let markdown = SafeMarkdown(ownHost: "tresor.example")

    @Test func rawHTMLIsShownAsText() {
        let html = markdown.html("Hallo <script>alert(1)</script> und <b onclick=x>fett</b>")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // Ink hangs on an unclosed tag; here there is no tag to parse.
        #expect(markdown.html("<p") == "<p>&lt;p</p>")
        #expect(markdown.html("AT&T") == "<p>AT&amp;T</p>")
        #expect(markdown.html("`<b>`") == "<p><code>&lt;b&gt;</code></p>")
    }

    @Test func linksKeepOnlySafeAddresses() {
        #expect(markdown.html("[Produkte](/produkte)") == "<p><a href=\"/produkte\">Produkte</a></p>")
        #expect(markdown.html("[Kitco](https://www.kitco.com/charts)")
                == "<p><a href=\"https://www.kitco.com/charts\" rel=\"noopener\">Kitco</a></p>")
        #expect(markdown.html("[Shop](https://tresor.example/gold)") == "<p><a href=\"https://tresor.example/gold\">Shop</a></p>")
        #expect(markdown.html("[Mail](mailto:service@tresor.example)") == "<p><a href=\"mailto:service@tresor.example\">Mail</a></p>")
        for evil in ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "vbscript:x", "//evil.example/x",
                     "java\tscript:x"] {
            let html = markdown.html("[klick](\(evil))")
            #expect(!html.contains("href"), "\(evil) became \(html)")
            #expect(html.contains("klick"))
        }
        // Quotes cannot leave the attribute.
        let quoted = markdown.html("[x](https://a.example/?q=\"onmouseover=alert(1))")
        #expect(quoted.contains("href=\"https://a.example/?q=&quot;onmouseover=alert(1"))
        #expect(!quoted.contains("\"onmouseover"))
    }

    @Test func imagesOnlyFromTheWeb() {
        #expect(markdown.html("![Barren](https://tresor.example/img/bar.jpg)")
                == "<img src=\"https://tresor.example/img/bar.jpg\" alt=\"Barren\" loading=\"lazy\">")
        #expect(!markdown.html("![x](javascript:alert(1))").contains("<img"))
        #expect(markdown.html("![<b>\"](/a.png)").contains("alt=\"&lt;b&gt;&quot;\""))
    }

    @Test func codeBlockLanguagesCannotOpenAttributes() {
        let html = markdown.html("```swift\" onmouseover=\"alert(1)\nlet a = 1 < 2\n```")
        #expect(html.hasPrefix("<pre><code class=\"language-swiftonmouseoveraler\">"))  // cut at 20 characters
        #expect(html.contains("let a = 1 &lt; 2"))
        #expect(!html.contains("\" onmouseover"))
    }

    @Test func longInputIsCut() {
        let html = markdown.html(String(repeating: "Gold ", count: 50_000))
        #expect(html.count < SafeMarkdown.maximumLength + 100)
    }

    /// Thousands of documents stitched from the pieces that break Markdown renderers: every one finishes,
    /// and the HTML holds only the tags Markdown makes, no event handlers and no unsafe addresses.
    @Test(.timeLimit(.minutes(1))) func fuzz() {
        let pieces = ["<", "<p", "<script>", "</", ">", "[", "]", "(", ")", "![", "](", "javascript:", "https://x.example/",
                      "/rel", "mailto:a@b", "\"", "'", "onerror=", "&", "&lt;", "&#60;", "*", "**", "_", "`", "```", "\n", "\n\n",
                      "# ", "- ", "1. ", "> ", "|", "---", "\\", " ", "Gold", "ü€", "\u{E000}", "\t", "<img src=x>", "[a][b]",
                      "[b]: javascript:x"]
        let allowedTags: Set<String> = ["p", "a", "img", "em", "strong", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
                                        "code", "pre", "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "del", "s"]
        var random = SplitMix64(seed: 4_711)
        for _ in 0..<4_000 {
            let document = (0..<Int(random.next() % 40)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let html = markdown.html(document)
            var rest = html[...]
            while let open = rest.firstIndex(of: "<") {
                let tag = rest[rest.index(after: open)...].prefix { $0 != ">" }
                let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
                #expect(allowedTags.contains(name), "tag <\(tag)> from \(document.debugDescription)")
                #expect(!tag.lowercased().contains(" on"), "handler in <\(tag)> from \(document.debugDescription)")
                for attribute in ["href=\"", "src=\""] {
                    if let start = tag.range(of: attribute) {
                        let value = tag[start.upperBound...].prefix { $0 != "\"" }.lowercased()
                        #expect(value.hasPrefix("http") || value.hasPrefix("mailto:") || value.hasPrefix("/") || !value.contains(":"),
                                "\(value) from \(document.debugDescription)")
                    }
                }
                rest = rest[rest.index(after: open)...]
            }
        }
    }
}
