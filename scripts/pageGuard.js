// The page guard: a few lines of plain JavaScript that the build inlines at the top of index.html (and so of
// 404.html), before the app's module. When the app cannot start it says why in one line instead of leaving a
// blank frame: an iframe sandboxed without allow-same-origin (no worker, no storage), or a page served at an
// address where its files are not (a deep or unknown path on a static host). It then looks for the app in the
// folders above and links to it. It never inserts the address as HTML.
(function () {
  "use strict";
  var TITLE = "How a neural network learns";
  var shown = false;

  function show(text, link) {
    if (shown) return;
    shown = true;
    function put() {
      var box = document.createElement("p");
      box.setAttribute("role", "alert");
      box.className = "page-guard";
      box.style.cssText =
        "margin:2rem auto;max-width:40rem;padding:0.8rem 1.1rem;font:16px/1.5 system-ui,sans-serif;" +
        "color:#e8e6e3;background:#151a22;border:1px solid #fc6255;border-radius:6px";
      box.textContent = text;
      document.documentElement.style.background = "#0e1116";
      var root = document.getElementById("root");
      (root || document.body).replaceChildren(box);
      if (link) link(box);
    }
    if (document.body) put();
    else document.addEventListener("DOMContentLoaded", put);
  }

  /** Whether `url` serves JavaScript (the app's module), answering `done(true | false)`. */
  function servesScript(url, done) {
    fetch(url, { cache: "no-store" }).then(
      function (r) {
        done(r.ok && (r.headers.get("content-type") || "").indexOf("javascript") >= 0);
      },
      function () {
        done(false);
      },
    );
  }

  /**
   * The nearest folder at or above this address, on this origin, from which `entry` (the app's module, e.g.
   * "./assets/x.js") loads: this address as a folder (it may lack its final "/"), then each folder above.
   */
  function findApp(entry, done) {
    var path = location.pathname.replace(/\/{2,}/g, "/");
    var parts = path.split("/");
    var folders = path.slice(-1) === "/" ? [] : [path + "/"];
    for (parts.pop(); parts.length > 0; parts.pop()) folders.push(parts.join("/") + "/");
    var here = location.pathname.replace(/[^/]*$/, "");
    function next(i) {
      if (i >= folders.length) return done(null);
      var url = new URL(folders[i] + entry.replace(/^\.\//, ""), location.href);
      if (folders[i] === here || url.origin !== location.origin) return next(i + 1);
      servesScript(url.href, function (ok) {
        if (ok) done(folders[i]);
        else next(i + 1);
      });
    }
    next(0);
  }

  if (window.origin === "null") {
    show(
      "This view cannot run in an iframe sandboxed without allow-same-origin: it needs its own origin for its " +
        'worker and saved work. Give the iframe sandbox="allow-scripts allow-same-origin".',
    );
    return;
  }

  // A module of the page that does not load (the server sent a page, or nothing, in its place): not the app's
  // address. A failed load fires "error" on the script element, seen here in the capture phase.
  window.addEventListener(
    "error",
    function (e) {
      var el = e.target;
      if (!el || el.tagName !== "SCRIPT" || el.type !== "module") return;
      var entry = el.getAttribute("src") || "";
      // The entry module itself loads from here: one of its files failed (a network blip, a new deployment),
      // not the address.
      servesScript(new URL(entry, location.href).href, function (here) {
        if (here)
          return show(
            "The page could not load all its files (the network, or a new version of the site). Reload it.",
          );
        show("There is no page at \u201c" + location.pathname + "\u201d.", function (box) {
          findApp(entry, function (folder) {
            if (!folder) return box.append(" Check the address.");
            var a = document.createElement("a");
            a.href = folder;
            a.textContent = "Go to " + TITLE + " (" + folder + ")";
            a.style.color = "#58c4dd";
            box.append(" ", a);
          });
        });
      });
    },
    true,
  );
})();
