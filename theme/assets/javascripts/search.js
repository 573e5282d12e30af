/* The search box: Pagefind's own UI, loaded from the site's pagefind/ folder (no other
   host), in the page's language (Persian and right-to-left on Persian pages, from
   <html lang>). Every query goes through cdNormalise (normalise.js) first, as the index
   words went through generator/search_text.py. */
(function () {
  "use strict";
  var box = document.querySelector("[data-cd-search]");
  if (!box || !window.cdNormalise) return;
  var bundle = new URL(box.getAttribute("data-bundle"), location.href);
  var labels = JSON.parse(box.getAttribute("data-meta-labels"));

  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = new URL("pagefind-ui.css", bundle).href;
  document.head.appendChild(style);
  var script = document.createElement("script");
  script.src = new URL("pagefind-ui.js", bundle).href;
  script.addEventListener("load", start);
  document.head.appendChild(script);

  /* Show occupation and cities under each name, labelled in the page's language. */
  function showFacts(result) {
    var meta = { title: result.meta.title };
    labels.forEach(function (pair) {
      if (result.meta[pair[0]]) meta[pair[1]] = result.meta[pair[0]];
    });
    result.meta = meta;
    return result;
  }

  function start() {
    new window.PagefindUI({
      element: box,
      bundlePath: bundle.pathname,
      showImages: false,
      showSubResults: false,
      resetStyles: false,
      processTerm: window.cdNormalise,
      processResult: showFacts,
      translations: {
        placeholder: box.getAttribute("data-placeholder"),
        search_label: box.getAttribute("aria-label")
      }
    });
  }
})();
