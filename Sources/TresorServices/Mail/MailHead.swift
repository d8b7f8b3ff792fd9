import Plot

/// The head of a mail's HTML part (and of the printable consent proof): the charset and a `<title>` written as an
/// escaped text element. Plot's own `.title` also writes `og:title` and `twitter:title` meta tags whose content it
/// does not escape, so a subject with a customer's name in it could open an attribute and add markup.
enum MailHead {
    static func node(title: String, _ extra: Node<HTML.HeadContext>...) -> Node<HTML.DocumentContext> {
        .head(.meta(.charset(.utf8)), .element(named: "title", text: title), .group(extra))
    }
}
