/* The directory's filter: city + activity area + language, combined, over everyone in the
   directory, not just the page on screen (it is split over pages of a hundred).

   Without JavaScript the page offers three menus of links to the static page of each
   city, area and language. With it, this script puts three selects in their place, built
   from diplomats/facets.json (who has which values, by id: generator/facets.py), and shows
   beside every choice how many people it would leave. Once a filter is chosen it lists the
   matching people itself, a page's worth at a time, with cards drawn like _card.j2's from
   the language's card file (fetched the first time a filter is used); the page's own
   cards and pager come back when the filter is reset. The choice is kept in the address
   (?city=freiburg&field=academia&language=de): shared, reloaded, and walked back and
   forth with the browser's buttons; the language switch carries it to the other language. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-cd-facets]");
  if (!form || !window.fetch || !window.URLSearchParams) return;
  var FACETS = [["city", "cities"], ["field", "fields"], ["language", "languages"]];
  var selects = FACETS.map(function (f) { return form.elements[f[0]]; });
  var menus = document.querySelector("[data-cd-filter-menus]");
  var status = document.querySelector("[data-cd-facet-status]");
  var nobody = document.querySelector("[data-cd-facet-none]");
  var reset = document.querySelector("[data-cd-facet-reset]");
  var list = document.querySelector("[data-cd-facet-list]");
  var more = document.querySelector("[data-cd-facet-more]");
  // What the page shows with no filter: its own cards, pager and page number.
  var own = document.querySelectorAll(
    ".cd-cards:not([data-cd-facet-list]), .cd-pager, [data-cd-page-number]"
  );
  var ownStatus = status.textContent;
  var perPage = Number(form.getAttribute("data-per-page")) || 100;
  var root = form.getAttribute("data-root");
  var assets = form.getAttribute("data-assets");
  var number = new Intl.NumberFormat(document.documentElement.lang);
  var people = [];
  var cityNames = {};
  var cityOrder = {};
  var cards = null; // the language's card data, once fetched
  var matched = [];
  var shown = 0;

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
    // The cities' names and order in this language, from the city select.
    Array.prototype.forEach.call(selects[0].options, function (option, i) {
      if (!option.value) return;
      cityNames[option.value] = option.getAttribute("data-label");
      cityOrder[option.value] = i;
    });
    read();
    form.addEventListener("change", function () { update(true); });
    form.addEventListener("reset", function () { setTimeout(function () { update(true); }); });
    form.addEventListener("focusin", fetchCards, { once: true }); // about to choose
    window.addEventListener("popstate", function () { read(); update(false); });
    more.querySelector("button").addEventListener("click", showMore);
    form.hidden = false;
    if (menus) menus.hidden = true;
    update(false);
  }

  function read() {
    var query = new URLSearchParams(location.search);
    selects.forEach(function (select, k) {
      var value = query.get(FACETS[k][0]) || "";
      // A value this page does not offer (an old link) is kept, so that nobody matches.
      if (value && !select.querySelector("option[value='" + CSS.escape(value) + "']")) {
        var option = new Option(value, value);
        option.setAttribute("data-label", value);
        select.add(option);
      }
      select.value = value;
    });
  }

  function fetchCards() {
    if (!cards) {
      cards = fetch(new URL(form.getAttribute("data-cards"), location.href))
        .then(function (response) { return response.json(); })
        .then(function (data) { return data.people; });
    }
    return cards;
  }

  function matches(person, chosen, skip) {
    for (var k = 0; k < chosen.length; k++) {
      if (k !== skip && chosen[k] && person.values[k].indexOf(chosen[k]) < 0) return false;
    }
    return true;
  }

  function update(byReader) {
    var chosen = selects.map(function (s) { return s.value; });
    var active = chosen.some(Boolean);
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
    var query = new URLSearchParams();
    chosen.forEach(function (v, k) { if (v) query.set(FACETS[k][0], v); });
    var search = query.toString() ? "?" + query.toString() : "";
    if (byReader && search !== location.search) {
      history.pushState(null, "", location.pathname + search);
    }
    carry(search);
    reset.hidden = !active;
    if (!active) {
      show(false);
      status.textContent = ownStatus;
      nobody.hidden = true;
      form.removeAttribute("data-shown");
      return;
    }
    var wanted = {};
    var total = 0;
    people.forEach(function (p, i) {
      if (matches(p, chosen, -1)) { wanted[i] = true; total++; }
    });
    status.textContent = total === 1
      ? form.getAttribute("data-count-one")
      : form.getAttribute("data-count-many").replace("{n}", number.format(total));
    nobody.hidden = total > 0;
    form.setAttribute("aria-busy", "true");
    fetchCards().then(function (all) {
      if (location.search !== search) return; // another choice came first
      matched = all.filter(function (card) { return wanted[card[0]]; });
      list.textContent = "";
      shown = 0;
      show(true);
      showMore();
      form.removeAttribute("aria-busy");
      form.setAttribute("data-shown", search); // for tests: the list is drawn
    });
  }

  // The filtered list in place of the page's own cards, pager and page number, or back.
  function show(filtered) {
    Array.prototype.forEach.call(own, function (e) { e.hidden = filtered; });
    list.hidden = !filtered;
    if (!filtered) more.hidden = true;
  }

  function showMore() {
    var next = matched.slice(shown, shown + perPage);
    var first = null;
    next.forEach(function (card) {
      var item = draw(card);
      first = first || item;
      list.appendChild(item);
    });
    if (shown > 0 && first) first.querySelector("a").focus();
    shown += next.length;
    more.hidden = shown >= matched.length;
  }

  // One card, as generator/templates/_card.j2 draws it.
  function draw(card) {
    var person = people[card[0]];
    var id = person.id;
    var li = element("li", { "class": "cd-card", "data-id": id });
    if (card[3] !== null) {
      var picture = element("picture");
      picture.appendChild(element("source", {
        type: "image/webp",
        srcset: assets + "photos/" + id + "-64.webp 1x, " + assets + "photos/" + id + "-128.webp 2x"
      }));
      picture.appendChild(element("img", {
        "class": "cd-avatar", src: assets + "photos/" + id + "-320.jpg", width: "64",
        height: "64", alt: card[3], loading: "lazy", decoding: "async"
      }));
      li.appendChild(picture);
    } else {
      var initial = element("span", { "class": "cd-avatar cd-avatar--empty", "aria-hidden": "true" });
      initial.textContent = Array.from(card[1])[0] || "";
      li.appendChild(initial);
    }
    var body = element("div", { "class": "cd-card__body" });
    var name = element("a", { "class": "cd-card__name", href: root + "diplomats/" + id + "/" });
    name.appendChild(element("bdi")).textContent = card[1];
    body.appendChild(name);
    if (card[2]) {
      // Escaped by the generator, other-language runs marked (Context.parts).
      body.appendChild(element("p", { "class": "cd-card__occupation" })).innerHTML = card[2];
    }
    var cities = person.values[0].slice().sort(function (a, b) {
      return cityOrder[a] - cityOrder[b];
    });
    if (cities.length) {
      var where = body.appendChild(element("p", { "class": "cd-card__cities" }));
      cities.forEach(function (city, i) {
        if (i) where.appendChild(document.createTextNode(document.documentElement.lang === "fa" ? "، " : ", "));
        where.appendChild(element("bdi")).textContent = cityNames[city];
      });
    }
    li.appendChild(body);
    return li;
  }

  function element(tag, attributes) {
    var e = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { e.setAttribute(name, attributes[name]); });
    return e;
  }

  // The language switch leads to the same page in the other language, with the same filter.
  function carry(search) {
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (a) {
      var url = new URL(a.href);
      url.search = search;
      a.href = url.href;
    });
  }
})();
