/* The search box: Pagefind's modular UI (loaded from the site's own pagefind/ folder)
   runs the search and lists the results; this file wires it to the page's input, writes
   the messages in the page's language and draws each result as name, occupation and
   cities. Every query goes through cdNormalise (normalise.js) first, as the index words
   went through generator/search_text.py. */
(function () {
  "use strict";
  var box = document.querySelector("[data-cd-search]");
  if (!box || !window.cdNormalise) return;
  var input = box.querySelector("input");
  var status = box.querySelector("[data-cd-search-status]");
  var list = box.querySelector("ol");
  var bundle = new URL(box.getAttribute("data-bundle"), location.href);
  var number = new Intl.NumberFormat(document.documentElement.lang);
  var instance = null;
  var timer = null;
  var term = "";

  var script = null;

  /* Pagefind's UI is fetched when the visitor first reaches for the box, not with the
     page: most visits never search, and each language has its own copy. */
  function load() {
    if (script) return;
    script = document.createElement("script");
    script.src = new URL("pagefind-modular-ui.js", bundle).href;
    script.addEventListener("load", start);
    document.head.appendChild(script);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* One result: text only (textContent), never the index's HTML. The name and the
     cities are direction-isolated (<bdi>), as on the pages. */
  function result(data) {
    var item = element("li", "cd-search__result");
    var link = element("a", "cd-search__name");
    link.appendChild(element("bdi", "", data.meta.title));
    link.href = data.url;
    item.appendChild(link);
    if (data.meta.occupation) item.appendChild(element("p", "", data.meta.occupation));
    if (data.meta.cities) {
      var cities = item.appendChild(element("p", "cd-muted"));
      cities.appendChild(element("bdi", "", data.meta.cities));
    }
    return item;
  }

  function placeholder() {
    var item = element("li", "cd-search__result cd-search__result--loading");
    item.setAttribute("aria-hidden", "true");
    item.appendChild(element("span", "cd-search__name", "\u2026"));
    return item;
  }

  function say(results) {
    var n = results.length;
    if (!term) status.textContent = "";
    else if (n === 0) status.textContent = box.getAttribute("data-none");
    else if (n === 1) status.textContent = box.getAttribute("data-count-one");
    else status.textContent = box.getAttribute("data-count-many").replace("{n}", number.format(n));
    box.setAttribute("data-searched", term);
  }

  function run() {
    clearTimeout(timer);
    term = input.value.trim();
    box.removeAttribute("data-searched");
    instance.triggerSearch(term ? window.cdNormalise(term) : "");
  }

  function start() {
    var ui = window.PagefindModularUI;
    // Result URLs are site-relative: baseUrl keeps them right when the site is in a subfolder.
    instance = new ui.Instance({
      bundlePath: bundle.pathname,
      baseUrl: new URL("../", bundle).pathname
    });
    instance.add(new ui.ResultList({
      containerElement: "#" + list.id,
      resultTemplate: result,
      placeholderTemplate: placeholder
    }));
    instance.on("loading", function () {
      if (term) status.textContent = box.getAttribute("data-searching");
    });
    instance.on("results", function (found) { say(found.results); });
    instance.triggerLoad();
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 250);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { input.value = ""; run(); }
    });
    if (input.value.trim()) run();  // typed while the UI was on its way
  }

  input.addEventListener("focus", load);
  input.addEventListener("input", load);
  box.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    if (instance) run();
    else load();
  });
  box.hidden = false;
})();
