import Foundation
import TresorCore

/// Draws an invoice on A4 pages: letterhead, addresses, the invoice data, the lines (continued on further
/// pages with the column heads repeated), the VAT summary, the legal notes, and the seller's details at
/// the foot of every page.
public enum InvoicePDF {
    static let left = 56.0, right = 539.0
    static let columns = (quantity: 112.0, item: 122.0, unitPrice: 420.0, vat: 470.0, total: right)
    static let bottom = 110.0

    public static func render(_ invoice: Invoice) -> Data {
        let order = invoice.order
        let language = order.language
        let words = InvoiceWording(language)
        let money = { (amount: Money) in Format.money(amount, language) }
        let title = "\(words.title(invoice.kind)) \(invoice.number)"
        let sign = invoice.sign
        var document = PDFDocument(title: title, created: invoice.issuedAt)
        var page = PDFDocument.Page()
        var y = 0.0

        func tableHead() {
            page.text(words.position, x: left, y: y, size: 8, bold: true)
            page.text(words.quantity, right: columns.quantity, y: y, size: 8, bold: true)
            page.text(words.item, x: columns.item, y: y, size: 8, bold: true)
            page.text(words.unitPrice, right: columns.unitPrice, y: y, size: 8, bold: true)
            page.text(words.vat, right: columns.vat, y: y, size: 8, bold: true)
            page.text(words.lineTotal, right: columns.total, y: y, size: 8, bold: true)
            page.rule(from: left, to: right, y: y - 5)
            y -= 18
        }
        func room(_ height: Double) {
            guard y - height < bottom else { return }
            document.pages.append(page)
            page = PDFDocument.Page()
            y = 780
            page.text(title, x: left, y: y, size: 9, bold: true)
            y -= 24
            tableHead()
        }

        // Letterhead and the seller's address.
        let seller = invoice.seller
        page.text(seller.legalName, x: left, y: 790, size: 16, bold: true)
        for (index, line) in [seller.street, "\(seller.postalCode) \(seller.city)", seller.phone, seller.email].enumerated() {
            page.text(line, right: right, y: 795 - Double(index) * 10, size: 8)
        }
        // The customer's address under the one-line sender, where a window envelope shows it.
        page.text("\(seller.legalName) · \(seller.street) · \(seller.postalCode) \(seller.city)", x: left, y: 722, size: 6.5)
        page.rule(from: left, to: 300, y: 718, width: 0.3)
        let c = order.customer
        var address = [c.name, c.street, "\(c.postalCode) \(c.city)"]
        if c.country.uppercased() != seller.country.uppercased() { address.append(c.country.uppercased()) }
        for (index, line) in address.enumerated() { page.text(line, x: left, y: 704 - Double(index) * 12, size: 10) }
        // The invoice's data on the right.
        for (index, fact) in words.facts(invoice).enumerated() {
            let line = 704 - Double(index) * 12
            page.text(fact.0, x: 350, y: line, size: 8.5)
            page.text(fact.1, right: right, y: line, size: 8.5, bold: index == 0)
        }
        page.text(title, x: left, y: 610, size: 14, bold: true)
        if invoice.seller.isDemo { page.text(words.demoNotice, x: left, y: 632, size: 9, bold: true) }
        y = 580
        tableHead()

        for (index, line) in order.lines.enumerated() {
            let name = PDFDocument.wrap("\(line.name) (\(line.sku))", width: columns.unitPrice - 70 - columns.item, size: 9)
            room(Double(name.count) * 11 + 4)
            page.text(String(index + 1), x: left, y: y)
            page.text(String(line.quantity * sign), right: columns.quantity, y: y)
            for (offset, part) in name.enumerated() { page.text(part, x: columns.item, y: y - Double(offset) * 11) }
            page.text(money(line.unitPrice), right: columns.unitPrice, y: y)
            page.text(words.treatment(line.vatRegime, rate: invoice.groups.first { $0.regime == line.vatRegime }?.ratePercent),
                      right: columns.vat, y: y, size: 8)
            page.text(money(line.lineTotal * sign), right: columns.total, y: y)
            y -= Double(name.count) * 11 + 4
        }
        if order.shipping == .insured {
            room(15)
            page.text(words.shipping, x: columns.item, y: y)
            page.text(money(order.shippingFee * sign), right: columns.total, y: y)
            y -= 15
        }

        // The VAT summary: what each treatment amounts to, then the total.
        room(Double(invoice.groups.count) * 24 + 40)
        page.rule(from: left, to: right, y: y + 6)
        y -= 8
        for group in invoice.groups {
            if group.regime == .standard {
                page.text(words.groupLabel(group), x: 300, y: y)
                page.text(money(group.net), right: right, y: y)
                y -= 12
                page.text(words.vatLabel(group), x: 300, y: y)
                page.text(money(group.vat), right: right, y: y)
            } else {
                page.text(words.groupLabel(group), x: 300, y: y)
                page.text(money(group.gross), right: right, y: y)
            }
            y -= 12
        }
        page.rule(from: 300, to: right, y: y + 6)
        y -= 8
        page.text(words.total, x: 300, y: y, size: 10.5, bold: true)
        page.text(money(invoice.total), right: right, y: y, size: 10.5, bold: true)
        y -= 28

        for note in words.notes(invoice) {
            let lines = PDFDocument.wrap(note, width: right - left, size: 8)
            room(Double(lines.count) * 10 + 4)
            for line in lines {
                page.text(line, x: left, y: y, size: 8)
                y -= 10
            }
            y -= 4
        }
        document.pages.append(page)

        // The seller's legal details and the page number at the foot of every page.
        let footer = words.sellerFooter(seller)
        let count = document.pages.count
        for index in document.pages.indices {
            document.pages[index].rule(from: left, to: right, y: 58, width: 0.3)
            for (offset, line) in footer.enumerated() {
                document.pages[index].text(line, x: left, y: 46 - Double(offset) * 9, size: 6.5)
            }
            document.pages[index].text("\(words.page) \(index + 1)/\(count)", right: right, y: 46, size: 6.5)
        }
        return document.rendered()
    }
}
