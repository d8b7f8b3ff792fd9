// Live prices: subscribes to /live for the products and metals on this page and swaps in new figures.
// Without JavaScript the page is still correct; a reload shows current prices.
(function () {
  "use strict";
  if (!window.EventSource) return;
  var lang = document.documentElement.lang === "en" ? "en" : "de";
  var skus = [];
  document.querySelectorAll("[data-sku]").forEach(function (el) {
    var sku = el.getAttribute("data-sku");
    if (skus.indexOf(sku) < 0 && skus.length < 100) skus.push(sku);
  });
  var url = "/live?lang=" + lang + (skus.length ? "&skus=" + encodeURIComponent(skus.join(",")) : "");
  var source = new EventSource(url);

  function set(scope, field, text) {
    scope.querySelectorAll('[data-field="' + field + '"]').forEach(function (el) {
      if (el.textContent !== text) {
        el.textContent = text;
        el.classList.remove("flash");
        void el.offsetWidth;
        el.classList.add("flash");
      }
    });
  }

  source.addEventListener("prices", function (event) {
    var data = JSON.parse(event.data);
    var banner = document.querySelector("[data-stale-banner]");
    if (banner) banner.hidden = !data.stale;
    Object.keys(data.metals || {}).forEach(function (code) {
      var m = data.metals[code];
      document.querySelectorAll('[data-metal="' + code + '"]').forEach(function (el) {
        set(el, "oz", m.oz);
        set(el, "gram", m.gram);
        set(el, "change", m.change);
      });
    });
    Object.keys(data.products || {}).forEach(function (sku) {
      var p = data.products[sku];
      document.querySelectorAll('[data-sku="' + sku + '"]').forEach(function (el) {
        Object.keys(p).forEach(function (field) { set(el, field, p[field]); });
      });
    });
  });
})();
