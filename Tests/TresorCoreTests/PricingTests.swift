import Foundation
import Testing
@testable import TresorCore

/// Every expected figure below was worked out by hand (and re-checked with a 38-digit decimal calculator).
@Suite struct PricingTests {
    let at = CivilDate.utcMidnight(2026, 11, 27)
    let calculator = PriceCalculator()

    func d(_ text: String) -> Decimal { Decimal(string: text)! }

    func krugerrand() throws -> Product {
        Product(sku: "G-KR-1OZ", slug: "krugerrand-1-oz", name: "Krugerrand 1 oz", metal: .gold, form: .coin,
                grossGrams: d("33.93"), fineness: Fineness("916.7")!, mint: "Rand Refinery", year: 2026,
                vatRegime: .exemptInvestmentGold,
                premium: try PremiumRule(tiers: [PremiumTier(minQuantity: 1, percent: d("3.5")),
                                                 PremiumTier(minQuantity: 10, percent: d("3.0"))],
                                         buybackDiscountPercent: 2),
                stock: 5)
    }

    @Test func krugerrandAtSpot() throws {
        // fine weight 33.93 g × 0.9167 = 31.103631 g = 31.103631 / 31.1034768 = 1.0000049576 oz
        // metal value 2501.37 €/oz × 1.0000049576 oz = 2501.382400905 €
        // × 1.035 (3.5 % premium) = 2588.930784936 € → 2588.93 €, no VAT (§25c)
        let product = try krugerrand()
        #expect(product.fineGrams == d("31.103631"))
        let price = calculator.unitPrice(of: product, quantity: 1, spotAsk: d("2501.37"), on: at)
        #expect(price == Money(cents: 258_893))
        // 10 pieces: 2501.382400905 × 1.03 = 2576.423872932 → 2576.42 €
        #expect(calculator.unitPrice(of: product, quantity: 10, spotAsk: d("2501.37"), on: at) == Money(cents: 257_642))
        #expect(calculator.unitPrice(of: product, quantity: 9, spotAsk: d("2501.37"), on: at) == Money(cents: 258_893))
        // buy-back: 2498.12 × 1.0000049576 × 0.98 = 2448.169737097 → 2448.17 €
        #expect(calculator.buybackPrice(of: product, spotBid: d("2498.12")) == Money(cents: 244_817))
    }

    @Test func krugerrandDisplayFigures() throws {
        let tick = SpotTick(metal: .gold, bid: d("2498.12"), ask: d("2501.37"), at: at, source: "test")
        let prices = calculator.prices(of: try krugerrand(), tick: tick)
        #expect(prices.unitPrice == Money(cents: 258_893))
        #expect(prices.tiers == [TierPrice(minQuantity: 1, unitPrice: Money(cents: 258_893)),
                                 TierPrice(minQuantity: 10, unitPrice: Money(cents: 257_642))])
        // 2588.93 / 2501.382400905 = 1.034999969 → 3.50 % above spot
        #expect(prices.premiumPercent == d("3.5"))
        // 2588.93 / 31.103631 g = 83.2356 → 83.24 € per fine gram
        #expect(prices.pricePerFineGram == Money(cents: 8_324))
        #expect(prices.buybackPrice == Money(cents: 244_817))
    }

    func kiloBar() throws -> Product {
        Product(sku: "S-BAR-1KG", slug: "silberbarren-1-kg", name: "Silberbarren 1 kg", metal: .silver,
                form: .bar, grossGrams: 1000, fineness: Fineness("999")!, mint: "Heraeus", year: nil,
                vatRegime: .standard,
                premium: try PremiumRule(tiers: [PremiumTier(minQuantity: 1, percent: 6, fixed: Money(cents: 150))],
                                         buybackDiscountPercent: 5, buybackFixedDiscount: Money(cents: 200)),
                stock: 1)
    }

    @Test func silverKiloBarWithVAT() throws {
        // 1000 g × 0.999 = 999 g = 32.118595822 oz; × 28.50 €/oz = 915.379980929 €
        // net = 915.379980929 × 1.06 + 1.50 = 971.802779784 €; gross × 1.19 = 1156.445307943 → 1156.45 €
        let bar = try kiloBar()
        #expect(calculator.unitPrice(of: bar, quantity: 1, spotAsk: d("28.50"), on: at) == Money(cents: 115_645))
        // buy-back: 28.10 × 32.118595822 × 0.95 − 2.00 = 855.405915470 → 855.41 €
        #expect(calculator.buybackPrice(of: bar, spotBid: d("28.10")) == Money(cents: 85_541))
        // In the second half of 2020 the rate was 16 %: 971.802779784 × 1.16 = 1127.291224550 → 1127.29 €
        let in2020 = CivilDate.utcMidnight(2020, 9, 1)
        #expect(calculator.unitPrice(of: bar, quantity: 1, spotAsk: d("28.50"), on: in2020) == Money(cents: 112_729))
    }

    /// VAT by destination (§3c, §18j UStG): the kilo bar's net 971.802779784 € (above) with Austria's and France's
    /// 20 %: × 1.20 = 1166.163335741 → 1166.16 € (VAT 1166.16 / 6 = 194.36 €); with Finland's 25.5 % (since 1 Sep
    /// 2024): × 1.255 = 1219.612488629 → 1219.61 €; in Germany 1156.45 €. Investment gold stays exempt everywhere and
    /// the margin scheme keeps German VAT on the margin (33.58 €, below).
    @Test func standardRatedGoodsCarryTheTaxingCountrysRate() throws {
        let bar = try kiloBar()
        let spot = d("28.50")
        #expect(calculator.unitPrice(of: bar, quantity: 1, spotAsk: spot, on: at, vatCountry: "AT") == Money(cents: 116_616))
        #expect(calculator.unitPrice(of: bar, quantity: 1, spotAsk: spot, on: at, vatCountry: "FR") == Money(cents: 116_616))
        #expect(calculator.unitPrice(of: bar, quantity: 1, spotAsk: spot, on: at, vatCountry: "FI") == Money(cents: 121_961))
        #expect(calculator.unitPrice(of: bar, quantity: 1, spotAsk: spot, on: at, vatCountry: "DE") == Money(cents: 115_645))
        #expect(VatBreakdown(lineTotal: Money(cents: 116_616), regime: .standard, ratePercent: 20).vat == Money(cents: 19_436))
        #expect(calculator.unitPrice(of: try krugerrand(), quantity: 1, spotAsk: d("2501.37"), on: at, vatCountry: "AT") == Money(cents: 258_893))
        let rates = VatRates()
        #expect(rates.percent(.exemptInvestmentGold, in: "FR", on: at) == 0)
        #expect(rates.percent(.marginScheme, in: "FR", on: at) == 19)
        #expect(rates.percent(.standard, in: "FI", on: CivilDate.berlinMidnight(2024, 8, 31)) == 24)
        #expect(rates.percent(.standard, in: "DE", on: CivilDate.utcMidnight(2020, 9, 1)) == 16)
    }

    /// Whose VAT a sale owes: the parcel's country only with the One-Stop-Shop and only for a parcel abroad in the EU.
    @Test func theTaxingCountryFollowsTheParcel() {
        #expect(VatRates.country(shipping: .insured, deliveryCountry: "AT", ossRegistered: true) == "AT")
        #expect(VatRates.country(shipping: .insured, deliveryCountry: "fr", ossRegistered: true) == "FR")
        #expect(VatRates.country(shipping: .insured, deliveryCountry: "AT", ossRegistered: false) == "DE")
        #expect(VatRates.country(shipping: .pickup, deliveryCountry: "AT", ossRegistered: true) == "DE")
        #expect(VatRates.country(shipping: .insured, deliveryCountry: "DE", ossRegistered: true) == "DE")
        #expect(VatRates.country(shipping: .insured, deliveryCountry: "CH", ossRegistered: true) == "DE")
    }

    @Test func marginSchemeTaxesOnlyThePremium() throws {
        // 31.1035 g × 0.9999 = 31.10038965 g = 0.999900746 oz; × 28.50 = 28.497171256 €
        // premium 15 % = 4.274575688 €; gross = 28.497171256 + 4.274575688 × 1.19 = 33.583916325 → 33.58 €
        // (taxed in full it would be (28.497171256 + 4.274575688) × 1.19 = 39.00 €)
        var maple = Product(sku: "S-ML-1OZ", slug: "maple-leaf-silber-1-oz", name: "Maple Leaf 1 oz Silber",
                            metal: .silver, form: .coin, grossGrams: d("31.1035"), fineness: Fineness("999.9")!,
                            mint: "Royal Canadian Mint", year: 2026, vatRegime: .marginScheme,
                            premium: try PremiumRule(tiers: [PremiumTier(minQuantity: 1, percent: 15)],
                                                     buybackDiscountPercent: 10),
                            stock: 100)
        #expect(calculator.unitPrice(of: maple, quantity: 1, spotAsk: d("28.50"), on: at) == Money(cents: 3_358))
        #expect(calculator.unitPrice(of: maple, quantity: 1, spotAsk: d("28.50"), on: at, vatCountry: "AT") == Money(cents: 3_358))
        maple.vatRegime = .standard
        #expect(calculator.unitPrice(of: maple, quantity: 1, spotAsk: d("28.50"), on: at) == Money(cents: 3_900))
    }

    @Test func buybackNeverBelowZero() throws {
        let tiny = Product(sku: "S-1G", slug: "s-1g", name: "Silber 1 g", metal: .silver, form: .bar, grossGrams: 1,
                           fineness: Fineness("999")!, mint: "X", year: nil, vatRegime: .standard,
                           premium: try PremiumRule(tiers: [PremiumTier(minQuantity: 1, percent: 10)],
                                                    buybackDiscountPercent: 5, buybackFixedDiscount: Money(cents: 500)),
                           stock: 1)
        #expect(calculator.buybackPrice(of: tiny, spotBid: d("28.10")) == .zero)
    }

    @Test func lineVATIsRoundedOnceOnTheLineTotal() {
        // 3 × 1156.45 € = 3469.35 €; VAT = 3469.35 × 0.19 / 1.19 = 553.929831… → 553.93 €; net 2915.42 €
        let line = VatBreakdown(lineTotal: Money(cents: 115_645) * 3, regime: .standard, ratePercent: 19)
        #expect(line.vat == Money(cents: 55_393))
        #expect(line.net == Money(cents: 291_542))
        #expect(VatBreakdown(lineTotal: Money(cents: 258_893), regime: .exemptInvestmentGold, ratePercent: 19).vat == .zero)
    }

    @Test func premiumRuleRejectsNonsense() {
        #expect(throws: PremiumRule.Problem.noTiers) { try PremiumRule(tiers: [], buybackDiscountPercent: 1) }
        #expect(throws: PremiumRule.Problem.firstTierNotOne) {
            try PremiumRule(tiers: [PremiumTier(minQuantity: 5, percent: 1)], buybackDiscountPercent: 1)
        }
        #expect(throws: PremiumRule.Problem.duplicateMinQuantity(1)) {
            try PremiumRule(tiers: [PremiumTier(minQuantity: 1, percent: 1), PremiumTier(minQuantity: 1, percent: 2)],
                            buybackDiscountPercent: 1)
        }
        #expect(throws: PremiumRule.Problem.discountOutOfRange) {
            try PremiumRule(tiers: [PremiumTier(minQuantity: 1, percent: 1)], buybackDiscountPercent: 100)
        }
    }

    @Test func investmentGoldRule() {
        let fine = Fineness("999.9")!
        #expect(InvestmentGoldRule.regime(metal: .gold, form: .bar, fineness: fine, year: nil, legalTender: false,
                                          marginSchemeStock: false) == .exemptInvestmentGold)
        #expect(InvestmentGoldRule.regime(metal: .gold, form: .bar, fineness: Fineness("990")!, year: nil,
                                          legalTender: false, marginSchemeStock: false) == .standard)
        #expect(InvestmentGoldRule.regime(metal: .gold, form: .coin, fineness: Fineness("916.7")!, year: 2026,
                                          legalTender: true, marginSchemeStock: false) == .exemptInvestmentGold)
        #expect(InvestmentGoldRule.regime(metal: .gold, form: .coin, fineness: Fineness("900")!, year: 1799,
                                          legalTender: true, marginSchemeStock: false) == .standard)
        #expect(InvestmentGoldRule.regime(metal: .silver, form: .coin, fineness: fine, year: 2026, legalTender: true,
                                          marginSchemeStock: true) == .marginScheme)
        #expect(InvestmentGoldRule.regime(metal: .silver, form: .bar, fineness: fine, year: nil, legalTender: false,
                                          marginSchemeStock: true) == .standard)
    }
}
