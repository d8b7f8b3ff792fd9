import Foundation
import PostgresNIO
import SQLiteKit
import TresorCore

extension StoreTrouble {
    /// What the error itself says; nil when it does not say (the caller then asks the database whether it answers).
    static func named(by error: any Error) -> StoreTrouble? {
        switch error {
        case is StoreAway:
            return .unreachable
        case let error as SQLiteError:
            return error.reason == .full ? .diskFull : nil
        case let error as PostgresTransactionError:
            return error.closureError.flatMap(named(by:)) ?? error.rollbackError.flatMap(named(by:))
        case let error as PSQLError:
            switch error.code {
            case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed:
                return .unreachable
            case .server:
                // 53100 disk_full; class 08 connection exceptions, 57P01–57P03 shutting down or starting up.
                let state = error.serverInfo?[.sqlState] ?? ""
                if state == "53100" { return .diskFull }
                return state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state) ? .unreachable : nil
            default:
                return nil
            }
        default:
            return nil
        }
    }
}

extension Database {
    /// Whether the database answers a trivial query now (at most the connection lease limit later).
    public func answers() async -> Bool {
        (try? await read { sql in try await sql.raw("SELECT 1 AS one").run() }) != nil
    }

    /// The database's state behind `error`, if that is why it failed: named by the error, or an unanswered probe
    /// (the pool's own errors while PostgreSQL is away do not say so).
    public func trouble(behind error: any Error) async -> StoreTrouble? {
        if let named = StoreTrouble.named(by: error) { return named }
        return await answers() ? nil : .unreachable
    }
}
