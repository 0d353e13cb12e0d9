// Draws every chart whose Plotly figure (JSON) sits in a data-figure attribute, on load and after
// htmx swaps in new content. No inline script anywhere: the page's CSP allows only these files.
(function () {
  "use strict";
  var FONT = "Noto Sans CJK JP, Hiragino Sans, Yu Gothic, Meiryo, system-ui, sans-serif";

  function draw(root) {
    if (!window.Plotly) { return; }
    root.querySelectorAll("div.chart[data-figure]").forEach(function (el) {
      if (el.getAttribute("data-drawn")) { return; }
      var figure = JSON.parse(el.getAttribute("data-figure"));
      var layout = Object.assign({margin: {l: 10, r: 24, t: 10, b: 40}, font: {family: FONT}}, figure.layout || {});
      window.Plotly.newPlot(el, figure.data, layout, {displaylogo: false, responsive: true});
      el.setAttribute("data-drawn", "1");
    });
  }

  // A page that answered "a load is running" (503) comes back by itself: on a full load its
  // <meta http-equiv="refresh"> does it; swapped in by htmx (no <head>), this does.
  function retryLater(root) {
    var notice = root.querySelector("[data-retry-after]");
    if (notice) { window.setTimeout(function () { window.location.reload(); }, 1000 * Number(notice.getAttribute("data-retry-after"))); }
  }

  document.addEventListener("DOMContentLoaded", function () { draw(document); });
  document.addEventListener("htmx:afterSettle", function () { draw(document); retryLater(document); });
})();
