import Logging
import ServiceLifecycle

/// The loop of every background job: `beat` now and then every `interval` until a graceful shutdown; a
/// failed beat is logged and the next one comes (a database that is briefly away must not end the job).
func repeating(every interval: Duration, logger: Logger, failure: String, _ beat: @escaping @Sendable () async throws -> Void) async {
    await cancelWhenGracefulShutdown {
        while !Task.isCancelled {
            do { try await beat() } catch { logger.error("\(failure)", metadata: ["error": "\(error)"]) }
            try? await Task.sleep(for: interval)
        }
    }
}
