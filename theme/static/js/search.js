/* Search results at /cari/ with Pagefind's index; loaded only on that page. Strings come from the page. */
(function () {
  "use strict";
  var results = document.getElementById("search-results");
  var form = document.getElementById("search-page-form");
  if (!results || !form) { return; }
  var input = form.querySelector("input[type=search]");
  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  if (!query.trim()) { return; }

  function say(template, count) {
    return template.replace("{count}", String(count)).replace("{query}", query);
  }

  function card(data) {
    var item = document.createElement("li");
    item.className = "article-card";
    var heading = document.createElement("h2");
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title || data.url;
    heading.appendChild(link);
    item.appendChild(heading);
    if (data.meta.date) {
      var date = document.createElement("p");
      date.className = "meta";
      date.textContent = data.meta.date;
      item.appendChild(date);
    }
    var excerpt = document.createElement("p");
    excerpt.innerHTML = data.excerpt; /* Pagefind escapes the text and adds only <mark> */
    item.appendChild(excerpt);
    return item;
  }

  /* The index is in parts (warta/tool/search.py): the first of the page's language is opened, the others merged. */
  function searched(pagefind, parts) {
    if (!parts.length) { return { results: [] }; }
    return pagefind.options({ basePath: bundle + parts[0] }).then(function () {
      return Promise.all(parts.slice(1).map(function (part) { return pagefind.mergeIndex(bundle + part); }));
    }).then(function () { return pagefind.search(query); });
  }

  var bundle = new URL(results.dataset.bundle, document.baseURI).href;
  results.setAttribute("aria-busy", "true");
  Promise.all([
    import(bundle + "pagefind.js"),
    fetch(bundle + "parts.json", { cache: "no-cache" }).then(function (response) {
      if (!response.ok) { throw new Error(response.statusText); }
      return response.json();
    })
  ]).then(function (loaded) {
    return searched(loaded[0], loaded[1][document.documentElement.lang] || []);
  }).then(function (search) {
    return Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); }));
  }).then(function (found) {
    var status = document.getElementById("search-status");
    /* The page carries the catalog's forms; the browser knows the language's plural rule. */
    var plural = new Intl.PluralRules(document.documentElement.lang).select(found.length);
    var counted = plural === "one" ? results.dataset.countOne : results.dataset.countOther;
    status.textContent = found.length ? say(counted, found.length) : say(results.dataset.none, 0);
    var list = document.createElement("ul");
    list.className = "article-list";
    found.forEach(function (data) { list.appendChild(card(data)); });
    results.appendChild(list);
    results.removeAttribute("aria-busy");
  }).catch(function () {
    document.getElementById("search-status").textContent = results.dataset.failed;
    results.removeAttribute("aria-busy");
  });
}());
