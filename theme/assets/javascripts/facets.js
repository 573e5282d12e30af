/* Combinable facets on the directory page: city + activity area + language, without a
   page load. The people are already listed in the page (in the reader's alphabetical
   order, sorted by the generator); this script hides those who do not match, from the
   ids in diplomats/facets.json (see generator/facets.py), and shows beside every choice
   how many people it would leave. Without JavaScript the form stays hidden and the
   static pages per city, area and language do the same job one facet at a time. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-cd-facets]");
  if (!form || !window.fetch) return;
  var FACETS = [["city", "cities"], ["field", "fields"], ["language", "languages"]];
  var selects = FACETS.map(function (f) { return form.elements[f[0]]; });
  var cards = Array.prototype.slice.call(document.querySelectorAll(".cd-cards > li[data-id]"));
  var status = document.querySelector("[data-cd-facet-status]");
  var nobody = document.querySelector("[data-cd-facet-none]");
  var number = new Intl.NumberFormat(document.documentElement.lang);
  var people = [];

  fetch(new URL(form.getAttribute("data-cd-facets"), location.href))
    .then(function (response) { return response.json(); })
    .then(start);

  function start(data) {
    // Each person: their id and, per facet, the values they have.
    people = data.people.map(function (p) {
      return {
        id: p[0],
        values: FACETS.map(function (f, k) {
          return p[k + 1].map(function (i) { return data[f[1]][i]; });
        })
      };
    });
    var query = new URLSearchParams(location.search);
    selects.forEach(function (select, k) { select.value = query.get(FACETS[k][0]) || ""; });
    form.addEventListener("change", update);
    form.addEventListener("reset", function () { setTimeout(update); });
    form.hidden = false;
    update();
  }

  function matches(person, chosen, skip) {
    for (var k = 0; k < chosen.length; k++) {
      if (k !== skip && chosen[k] && person.values[k].indexOf(chosen[k]) < 0) return false;
    }
    return true;
  }

  function update() {
    var chosen = selects.map(function (s) { return s.value; });
    // A choice's count: the people it would leave with the other facets as they are.
    selects.forEach(function (select, k) {
      var counts = {};
      people.forEach(function (p) {
        if (!matches(p, chosen, k)) return;
        p.values[k].forEach(function (v) { counts[v] = (counts[v] || 0) + 1; });
      });
      Array.prototype.forEach.call(select.options, function (option) {
        if (!option.value) return;
        var n = counts[option.value] || 0;
        option.textContent = option.getAttribute("data-label") + " (" + number.format(n) + ")";
        option.disabled = n === 0 && option.value !== select.value;
      });
    });
    var shown = {};
    var total = 0;
    people.forEach(function (p) {
      if (matches(p, chosen, -1)) { shown[p.id] = true; total++; }
    });
    cards.forEach(function (card) { card.hidden = !shown[card.getAttribute("data-id")]; });
    status.textContent = total === 1
      ? form.getAttribute("data-count-one")
      : form.getAttribute("data-count-many").replace("{n}", number.format(total));
    nobody.hidden = total > 0;
    var query = new URLSearchParams();
    chosen.forEach(function (v, k) { if (v) query.set(FACETS[k][0], v); });
    var search = query.toString();
    history.replaceState(null, "", search ? "?" + search : location.pathname);
  }
})();
