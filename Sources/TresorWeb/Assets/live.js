// Live prices: subscribes to /live for the products and metals on this page and swaps in new figures.
// Without JavaScript the page is still correct; a reload shows current prices.
(function () {
  "use strict";
  // Quote countdown on the review page: when the lock runs out the order button goes and the page offers a
  // fresh quote (the server refuses the old one anyway).
  var lock = document.querySelector("[data-expires]");
  if (lock) {
    var expires = Date.parse(lock.getAttribute("data-expires"));
    var tick = function () {
      var left = Math.max(0, Math.round((expires - Date.now()) / 1000));
      var shown = lock.querySelector("[data-countdown]");
      if (shown) shown.textContent = Math.floor(left / 60) + ":" + (left % 60 < 10 ? "0" : "") + (left % 60);
      if (left > 0) return;
      clearInterval(timer);
      var countdown = lock.querySelector(".countdown");
      if (countdown) countdown.hidden = true;
      var expired = lock.querySelector(".expired");
      if (expired) expired.hidden = false;
      document.querySelectorAll(".place-order").forEach(function (form) {
        form.hidden = true;
        form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
      });
    };
    var timer = setInterval(tick, 1000);
    tick();
  }
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
