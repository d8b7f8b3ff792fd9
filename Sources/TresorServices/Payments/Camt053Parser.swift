import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TresorCore

/// A statement that cannot be imported, with the element and line that is wrong.
public struct StatementProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var element: String
    public var reason: String
    public var description: String { "line \(line), \(element): \(reason)" }
}

/// Reads ISO 20022 camt.053.001.08 bank statements with Foundation's streaming XMLParser.
public enum Camt053Parser {
    public static let namespace = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"

    /// All entries of every statement in the document, or the first problem; nothing half-read is returned.
    public static func entries(_ data: Data) throws(StatementProblem) -> [BankEntry] {
        let delegate = Delegate()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = delegate
        let ok = parser.parse()
        if let problem = delegate.problem { throw problem }
        guard ok else {
            throw StatementProblem(line: parser.lineNumber, element: delegate.path.last ?? "document",
                                   reason: parser.parserError.map { "not well-formed XML (\($0.localizedDescription))" } ?? "not well-formed XML")
        }
        guard delegate.sawDocument else { throw StatementProblem(line: 1, element: "Document", reason: "no camt.053.001.08 document") }
        return delegate.entries
    }

    final class Delegate: NSObject, XMLParserDelegate {
        var path: [String] = []
        var text = ""
        var entries: [BankEntry] = []
        var problem: StatementProblem?
        var sawDocument = false
        var entry: EntryState?
        var transaction: TransactionState?

        struct EntryState {
            var line: Int
            var ntryRef: String?
            var acctSvcrRef: String?
            var amount: Money?
            var credit: Bool?
            var bookingDate: String?
            var transactions: [TransactionState] = []
        }

        struct TransactionState {
            var line: Int
            var acctSvcrRef: String?
            var amount: Money?
            var credit: Bool?
            var debtorName: String?
            var ustrd: [String] = []
            var structuredReference: String?
        }

        func fail(_ parser: XMLParser, _ element: String, _ reason: String) {
            guard problem == nil else { return }
            problem = StatementProblem(line: parser.lineNumber, element: element, reason: reason)
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if path.isEmpty {
                guard name == "Document", namespaceURI == Camt053Parser.namespace else {
                    return fail(parser, name, "expected a camt.053.001.08 Document (\(Camt053Parser.namespace))")
                }
                sawDocument = true
            }
            path.append(name)
            text = ""
            switch name {
            case "Ntry" where path.dropLast().last == "Stmt": entry = EntryState(line: parser.lineNumber)
            case "TxDtls" where entry != nil: transaction = TransactionState(line: parser.lineNumber)
            case "Amt" where attributes["Ccy"] != nil && attributes["Ccy"] != "EUR" && entry != nil:
                fail(parser, "Amt", "currency \(attributes["Ccy"] ?? "") is not EUR")
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            let context = Array(path.suffix(4))
            let parent = path.count >= 2 ? path[path.count - 2] : ""
            defer {
                path.removeLast()
                text = ""
            }
            if transaction != nil {
                switch (parent, name) {
                case ("TxDtls", "Amt"): transaction?.amount = amount(parser, value)
                case ("TxDtls", "CdtDbtInd"): transaction?.credit = indicator(parser, value)
                case ("Refs", "AcctSvcrRef"): transaction?.acctSvcrRef = value
                case ("RmtInf", "Ustrd"): transaction?.ustrd.append(text)
                case ("CdtrRefInf", "Ref"): transaction?.structuredReference = value
                case ("Pty", "Nm") where context.contains("Dbtr"): transaction?.debtorName = value
                case (_, "TxDtls"):
                    if let transaction { entry?.transactions.append(transaction) }
                    transaction = nil
                default: break
                }
                return
            }
            guard entry != nil else { return }
            switch (parent, name) {
            case ("Ntry", "Amt"): entry?.amount = amount(parser, value)
            case ("Ntry", "CdtDbtInd"): entry?.credit = indicator(parser, value)
            case ("Ntry", "NtryRef"): entry?.ntryRef = value
            case ("Ntry", "AcctSvcrRef"): entry?.acctSvcrRef = value
            case ("BookgDt", "Dt"): entry?.bookingDate = value
            case ("Stmt", "Ntry"): finishEntry(parser)
            default: break
            }
        }

        func amount(_ parser: XMLParser, _ text: String) -> Money? {
            guard let money = Money(decimalString: text), money >= .zero else {
                fail(parser, "Amt", "\"\(text)\" is not an amount in euros with at most two decimals")
                return nil
            }
            return money
        }

        func indicator(_ parser: XMLParser, _ text: String) -> Bool? {
            switch text {
            case "CRDT": return true
            case "DBIT": return false
            default:
                fail(parser, "CdtDbtInd", "\"\(text)\" is neither CRDT nor DBIT")
                return nil
            }
        }

        func finishEntry(_ parser: XMLParser) {
            guard let state = entry else { return }
            entry = nil
            guard let amount = state.amount else { return fail(parser, "Ntry", "entry from line \(state.line) has no Amt") }
            guard let credit = state.credit else { return fail(parser, "Ntry", "entry from line \(state.line) has no CdtDbtInd") }
            guard let base = state.acctSvcrRef ?? state.ntryRef else {
                return fail(parser, "Ntry", "entry from line \(state.line) has neither AcctSvcrRef nor NtryRef")
            }
            if state.transactions.isEmpty {
                entries.append(BankEntry(bankReference: base, amount: amount, isCredit: credit, bookingDate: state.bookingDate,
                                         debtorName: nil, remittance: "", structuredReference: nil))
                return
            }
            if state.transactions.count > 1 {
                let sum = state.transactions.reduce(Money.zero) { $0 + ($1.amount ?? .zero) }
                guard state.transactions.allSatisfy({ $0.amount != nil }), sum == amount else {
                    return fail(parser, "Ntry", "entry from line \(state.line): transactions add up to \(sum.decimalString), not \(amount.decimalString)")
                }
            }
            for (index, tx) in state.transactions.enumerated() {
                entries.append(BankEntry(
                    bankReference: tx.acctSvcrRef ?? (state.transactions.count == 1 ? base : "\(base)-\(index + 1)"),
                    amount: tx.amount ?? amount, isCredit: tx.credit ?? credit, bookingDate: state.bookingDate,
                    debtorName: tx.debtorName, remittance: tx.ustrd.joined(separator: "\n"), structuredReference: tx.structuredReference))
            }
        }
    }
}
