import Foundation
import NIOCore
import Synchronization
import Testing
@testable import TresorWeb

@Suite struct PageCacheTests {
    let slot = CSRF.placeholder

    @Test func everySlotGetsTheTokenAndNothingElseMoves() {
        let page = "\(slot)<form><input value=\"\(slot)\"></form>\(slot)\(slot)<p>csrf-placeholder</p>"
        let filled = String(buffer: TokenSlots(page).filled(with: "1.ab"))
        #expect(filled == "1.ab<form><input value=\"1.ab\"></form>1.ab1.ab<p>csrf-placeholder</p>")
        #expect(String(buffer: TokenSlots("<p>ohne Formular</p>").filled(with: "x")) == "<p>ohne Formular</p>")
        #expect(String(buffer: TokenSlots("").filled(with: "x")) == "")
    }

    @Test func aPageIsRenderedOncePerEdition() async throws {
        let cache = PageCache<Int>(capacity: 2)
        let renders = RenderCount()
        func page(_ key: String, _ edition: Int) async throws -> String {
            String(buffer: try await cache.page(key, edition: edition) { renders.add(); return "\(key)@\(edition)" }.filled(with: ""))
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
        await #expect(throws: PageError.self) { _ = try await cache.page("/d", edition: 3) { throw PageError.notFound } }
    }
}

final class RenderCount: Sendable {
    private let value = Mutex(0)
    func add() { value.withLock { $0 += 1 } }
    var count: Int { value.withLock { $0 } }
}
