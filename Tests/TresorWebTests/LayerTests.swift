import Foundation
import Testing

/// The layers of DESIGN.md: pages, the API and the command line reach the database only through the services.
/// SwiftPM lets a target import any module built before it, so the rule is checked here, on the package's own
/// description and on the sources.
@Suite struct LayerTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `TresorWeb` and `tresor` do not depend on `TresorStore` in Package.swift. (Read from the manifest's text:
    /// `swift package dump-package` would wait for the lock that the running `swift test` holds.)
    @Test func webAndCommandLineDoNotDependOnTheStore() throws {
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        for name in ["TresorWeb", "tresor"] {
            // The target's declaration: its name followed by its dependencies (the package and product share a name).
            let declarations = manifest.components(separatedBy: "name: \"\(name)\",").dropFirst()
            let rest = try #require(declarations.first { $0.drop { $0.isWhitespace }.hasPrefix("dependencies: [") },
                                    "no target \(name) in Package.swift")
            let open = try #require(rest.range(of: "dependencies: ["))
            let close = try #require(rest[open.upperBound...].range(of: "]"))
            let dependencies = rest[open.upperBound..<close.lowerBound]
            #expect(dependencies.contains("\"TresorServices\""), "\(name) should depend on TresorServices")
            #expect(!dependencies.contains("\"TresorStore\""), "\(name) depends on TresorStore")
        }
    }

    /// No file of `TresorWeb` or `tresor` imports `TresorStore` (which the build alone would allow).
    @Test func noPageAPIOrCommandImportsTheStore() throws {
        var offenders: [String] = []
        for folder in ["Sources/TresorWeb", "Sources/tresor"] {
            let base = Self.root.appendingPathComponent(folder)
            let files = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
            #expect(files.contains { $0.pathExtension == "swift" }, "no sources found in \(folder)")
            for file in files where file.pathExtension == "swift" {
                let text = try String(contentsOf: file, encoding: .utf8)
                for line in text.split(separator: "\n") where line.contains("import") && line.contains("TresorStore") {
                    offenders.append("\(file.lastPathComponent): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(offenders.isEmpty, "\(offenders)")
    }
}
