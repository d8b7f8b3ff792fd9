import ArgumentParser
import Foundation
import TresorCore
import TresorServices

/// `tresor staff …`: staff records, sign-in credentials and API tokens. Without `--by` a step is recorded as done
/// by the command line (whoever runs commands on the server can change its database anyway); with it, the named
/// member must be an owner.
struct Staff: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Staff records, sign-in and API tokens.",
                                                    subcommands: [Add.self, List.self, Reset.self, Token.self, Disable.self])

    static let commandLine = Actor.system(job: "command-line")

    static func actor(_ by: String?, _ shop: Shop) async throws -> Actor {
        guard let by else { return commandLine }
        return try await Environment.staff(by, shop)
    }

    /// Runs `body` with the shop and the actor `--by` names; a refusal stops the command with its reason.
    static func run<T: Sendable>(by: String?, _ body: (Shop, Actor) async throws -> T) async throws -> T {
        do {
            return try await Environment.withShop { _, shop in try await body(shop, try await actor(by, shop)) }
        } catch let problem as StaffProblem {
            throw ValidationError(problem.description)
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a staff member; print a one-time password, the two-factor enrolment URI and the API token (shown once).")
        @Option(help: "E-mail, used to sign in and as `--by` in staff commands.") var email: String
        @Option(help: "Full name.") var name: String
        @Option(help: "owner, sales, warehouse, editor or compliance.") var role: String
        @Option(help: "A file holding the password (first line); the first sign-in then asks for no new one.") var passwordFile: String?
        @Option(help: "E-mail of the owner adding them (recorded); without it, the command line.") var by: String?

        func run() async throws {
            guard let role = StaffRole(rawValue: role.lowercased()) else {
                throw ValidationError("--role must be one of: " + StaffRole.allCases.map(\.rawValue).joined(separator: ", "))
            }
            var password: String?
            if let passwordFile {
                guard let text = try? String(contentsOfFile: passwordFile, encoding: .utf8) else {
                    throw ValidationError("cannot read \(passwordFile)")
                }
                password = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            }
            let enrolment = try await Staff.run(by: by) { shop, actor in
                try await shop.staff.add(email: email, name: name, role: role, password: password, by: actor, now: Date())
            }
            print("Added \(enrolment.member.name) <\(enrolment.member.email)> as \(role.rawValue).")
            Staff.printCredentials(enrolment)
        }
    }

    static func printCredentials(_ enrolment: StaffEnrolment) {
        if let password = enrolment.oneTimePassword {
            print("One-time password (shown once; the first sign-in asks for a new one): \(password)")
        }
        print("Two-factor enrolment (add to an authenticator app\(enrolment.member.role.requiresSecondFactor ? "; required for this role" : "")):")
        print(enrolment.enrolmentURI)
        if let token = enrolment.apiToken { print("API token (shown once): \(token)") }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print every staff member: e-mail, role, name, state.")

        func run() async throws {
            let all = try await Environment.withShop { _, shop in try await shop.staff.list() }
            for record in all {
                let state = record.disabledAt.map { "disabled \(ISO8601DateFormatter().string(from: $0)) by \(record.disabledBy ?? "?")" } ?? "active"
                print([record.member.email, record.member.role.rawValue, record.member.name, state].joined(separator: "\t"))
            }
        }
    }

    struct Reset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "New one-time password and two-factor secret for a member who lost theirs; ends their sessions.")
        @Argument(help: "E-mail of the staff member.") var email: String
        @Option(help: "E-mail of the owner doing it (recorded); without it, the command line.") var by: String?

        func run() async throws {
            Staff.printCredentials(try await Staff.run(by: by) { shop, actor in try await shop.staff.reset(email: email, by: actor, now: Date()) })
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a member's API token and print a new one (shown once).")
        @Argument(help: "E-mail of the staff member.") var email: String
        @Option(help: "E-mail of the owner doing it (recorded); without it, the command line.") var by: String?

        func run() async throws {
            let token = try await Staff.run(by: by) { shop, actor in try await shop.staff.renewToken(email: email, by: actor, now: Date()) }
            print("Old token revoked. API token (shown once): \(token)")
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "End a staff member's access (their history stays).")
        @Argument(help: "E-mail of the staff member leaving.") var email: String
        @Option(help: "E-mail of the owner doing it (recorded); without it, the command line.") var by: String?

        func run() async throws {
            try await Staff.run(by: by) { shop, actor in try await shop.staff.disable(email: email, by: actor, now: Date()) }
            print("\(email.lowercased()): access ended.")
        }
    }
}

/// `tresor audit verify`: checks the audit trail's hash chain.
struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The audit trail.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every entry of the audit trail against its hash and its predecessor; exit 1 at the first that does not fit.")

        func run() async throws {
            let result = try await Environment.withShop { _, shop in try await shop.audit.verify() }
            if let broken = result.firstBreak {
                print("audit trail broken at \(broken) (\(result.entries) entries before it fit)")
                throw ExitCode(1)
            }
            print("audit trail intact: \(result.entries) entries")
        }
    }
}
