import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization
import Testing
@testable import TresorWeb

@Suite struct EditionCacheTests {
    let slot = CSRF.placeholder

    @Test func everySlotGetsTheTokenAndNothingElseMoves() {
        let page = "\(slot)<form><input value=\"\(slot)\"></form>\(slot)\(slot)<p>csrf-placeholder</p>"
        let filled = String(buffer: TokenSlots(page).filled(with: "1.ab"))
        #expect(filled == "1.ab<form><input value=\"1.ab\"></form>1.ab1.ab<p>csrf-placeholder</p>")
        #expect(String(buffer: TokenSlots("<p>ohne Formular</p>").filled(with: "x")) == "<p>ohne Formular</p>")
        #expect(String(buffer: TokenSlots("").filled(with: "x")) == "")
    }

    @Test func aPageIsRenderedOncePerEdition() async throws {
        let cache = EditionCache<Int, String>(capacity: 2)
        let renders = RenderCount()
        func page(_ key: String, _ edition: Int) async throws -> String {
            try await cache.value(key, edition: edition) { renders.add(); return "\(key)@\(edition)" }
        }
        #expect(try await page("/a", 1) == "/a@1")
        #expect(try await page("/a", 1) == "/a@1")
        #expect(renders.count == 1)
        #expect(try await page("/a", 2) == "/a@2")  // a new edition renders again
        #expect(renders.count == 2)
        // Full (two pages): a third address is rendered every time, not kept.
        _ = try await page("/b", 2)
        _ = try await page("/c", 2)
        _ = try await page("/c", 2)
        #expect(renders.count == 5)
        // A failed render is not kept either.
        await #expect(throws: PageError.self) { _ = try await cache.value("/d", edition: 3) { throw PageError.notFound } }
        #expect(try await page("/d", 3) == "/d@3")
        #expect(renders.count == 6)
    }
}

final class RenderCount: Sendable {
    private let value = Mutex(0)
    func add() { value.withLock { $0 += 1 } }
    var count: Int { value.withLock { $0 } }
}

@Suite struct RequestCookieTests {
    func request(_ cookieHeaders: [String]) -> Request {
        var fields = HTTPFields()
        for header in cookieHeaders { fields.append(HTTPField(name: .cookie, value: header)) }
        return Request(head: HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/", headerFields: fields),
                       body: .init(buffer: ByteBuffer()))
    }

    @Test func theNamedCookieAndNoOtherWhoseNameStartsTheSame() {
        let both = request(["tresor_csrf_old=alt; tresor_csrf=ab12", "tresor_session=cd34"])
        #expect(both.cookie("tresor_csrf") == "ab12")
        #expect(both.cookie("tresor_session") == "cd34")
        #expect(both.cookie("tresor") == nil)
        #expect(request([]).cookie("tresor_csrf") == nil)
        #expect(request(["tresor_csrf="]).cookie("tresor_csrf") == "")
        #expect(request(["a=1;\ttresor_csrf=ef56;b=2"]).cookie("tresor_csrf") == "ef56")
        // Hummingbird's own parser agrees where both apply.
        let mixed = request(["x=1; tresor_csrf=0f0f; y=2"])
        #expect(mixed.cookie("tresor_csrf") == mixed.cookies["tresor_csrf"]?.value)
    }
}
