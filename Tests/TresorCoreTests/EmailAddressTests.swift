import Testing
import TresorCore

/// E-mail addresses as RFC 5322 addr-specs (dot-atom form): nothing that could end an attribute or a header.
@Suite struct EmailAddressTests {
    @Test(arguments: ["erika@example.de", "erika.mustermann+gold@mail.example.com", "o'brien@example.ie", "x_y-z@sub.example.org",
                      "kunde@müller-gold.de"])
    func accepted(_ address: String) {
        #expect(EmailAddress.isValid(address))
    }

    @Test(arguments: ["\"><img/src=x/onerror=alert(document.domain)>@evil.example", "victim@x.de>,<other@evil.example",
                      "victim@x.de>,<other", "a b@example.de", "a,b@example.de", "\"quoted\"@example.de", "a@b@example.de",
                      "@example.de", "erika@", "erika@localhost", "erika@.example.de", "erika@example..de", ".erika@example.de",
                      "erika.@example.de", "er..ika@example.de", "erika@-example.de", "erika@example.de ", "erika@exa mple.de",
                      "erika\u{0}@example.de", "erika@example.de\r\nBcc: x@y.de", "ärger@example.de"])
    func refused(_ address: String) {
        #expect(!EmailAddress.isValid(address))
    }

    @Test func lengthLimits() {
        #expect(EmailAddress.isValid(String(repeating: "a", count: 64) + "@example.de"))
        #expect(!EmailAddress.isValid(String(repeating: "a", count: 65) + "@example.de"))
        #expect(!EmailAddress.isValid("a@" + String(repeating: "b", count: 250) + ".de"))
    }
}
