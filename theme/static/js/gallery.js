/* Warta gallery viewer: a lightbox over links that already work without it (keyboard, focus, captions, swipe). */
(function () {
  "use strict";
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }
  function viewer(list) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a.gallery-link"));
    var box = el("div", "lightbox"), img = el("img"), caption = el("p", "lightbox-caption");
    var close = el("button", "lightbox-close", "\u00d7"), prev = el("button", "lightbox-prev", "\u2039");
    var next = el("button", "lightbox-next", "\u203a"), current = 0, opener = null, startX = null;
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-modal", "true");
    box.setAttribute("aria-label", list.dataset.label || "");
    box.hidden = true;
    [[close, "close"], [prev, "previous"], [next, "next"]].forEach(function (pair) {
      pair[0].type = "button";
      pair[0].setAttribute("aria-label", list.dataset[pair[1]] || pair[1]);
    });
    caption.setAttribute("aria-live", "polite");
    box.append(img, caption, prev, next, close);
    document.body.appendChild(box);
    function show(index) {
      current = (index + links.length) % links.length;
      var link = links[current], thumb = link.querySelector("img"), figure = link.closest("figure");
      var text = figure && figure.querySelector("figcaption");
      img.src = link.href;
      img.alt = thumb ? thumb.alt : "";
      caption.textContent = text ? text.textContent : "";
      prev.hidden = next.hidden = links.length < 2;
    }
    function open(index) {
      opener = document.activeElement;
      show(index);
      box.hidden = false;
      document.documentElement.classList.add("lightbox-open");
      close.focus();
    }
    function shut() {
      box.hidden = true;
      document.documentElement.classList.remove("lightbox-open");
      if (opener) opener.focus();
    }
    links.forEach(function (link, index) {
      link.addEventListener("click", function (event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        open(index);
      });
    });
    close.addEventListener("click", shut);
    prev.addEventListener("click", function () { show(current - 1); });
    next.addEventListener("click", function () { show(current + 1); });
    box.addEventListener("click", function (event) { if (event.target === box) shut(); });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Escape") shut();
      else if (event.key === "ArrowLeft") show(current - 1);
      else if (event.key === "ArrowRight") show(current + 1);
      else if (event.key === "Tab") {
        var stops = [prev, next, close].filter(function (b) { return !b.hidden; });
        var at = stops.indexOf(document.activeElement);
        var to = event.shiftKey ? at - 1 : at + 1;
        stops[(to + stops.length) % stops.length].focus();
        event.preventDefault();
      } else return;
      event.preventDefault();
    });
    box.addEventListener("touchstart", function (event) { startX = event.touches[0].clientX; }, { passive: true });
    box.addEventListener("touchend", function (event) {
      if (startX === null) return;
      var moved = event.changedTouches[0].clientX - startX;
      if (Math.abs(moved) > 40) show(current + (moved < 0 ? 1 : -1));
      startX = null;
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-gallery]"), viewer);
})();
