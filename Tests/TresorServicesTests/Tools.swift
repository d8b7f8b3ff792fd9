import Subprocess
import SystemPackage

/// Runs a command-line tool the tests check their documents with (xmllint, qpdf, pdftotext) and returns its exit
/// status and its output and error together. Through swift-subprocess, like the shop's sendmail delivery:
/// Foundation's `Process` crashed when tests started children side by side.
func runTool(_ program: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
    let result = try await Subprocess.run(.path(FilePath(program)), arguments: Arguments(arguments), output: .string(limit: 4 * 1024 * 1024),
                                          error: .combinedWithOutput)
    let status: Int32 = switch result.terminationStatus {
    case .exited(let code): code
    case .signaled(let signal): 128 + signal
    }
    return (status, result.standardOutput)
}
