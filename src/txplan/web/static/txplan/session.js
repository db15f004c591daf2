/* Inactivity time-out warning and the editor's kept draft (ONC 170.315(d)(5)).
 *
 * The server logs a session out after TXPLAN_IDLE_MINUTES without a request; this script
 * only warns first, offers "Stay logged in", and reloads the page when the time is up so the
 * screen stops showing the record. Someone typing or clicking in the page is not inactive:
 * near the limit the script tells the server so instead of warning. Loaded from a file (the CSP allows no inline script);
 * its settings are data attributes of its own <script> tag.
 *
 * The plan editor's fields are copied into sessionStorage as they are typed (this tab only,
 * gone when the tab closes), so text typed before a time-out is offered back after logging
 * in again. The copy is dropped once the editor shows the same text (it was saved).
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var idle = Number(script.getAttribute("data-idle")) * 1000;
  var warnBefore = Number(script.getAttribute("data-warn")) * 1000;
  var ping = script.getAttribute("data-ping");
  var deadline = Date.now() + idle;
  var banner = null;
  var lastInput = 0; // typing or clicking counts as activity even without a request
  var pinging = false;

  function activity() {
    deadline = Date.now() + idle;
    if (banner) {
      banner.remove();
      banner = null;
    }
  }

  function stayLoggedIn() {
    pinging = true;
    fetch(ping, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) {
        pinging = false;
        if (r.ok && !r.redirected) {
          activity();
        } else {
          window.location.assign(window.location.href);
        }
      })
      .catch(function () { pinging = false; });
  }

  function warn(secondsLeft) {
    if (!banner) {
      banner = document.createElement("div");
      banner.className = "alert idle-warning";
      banner.setAttribute("role", "alertdialog");
      banner.setAttribute("aria-live", "assertive");
      // CSSOM styles are allowed by the CSP (style attributes in HTML are not).
      banner.style.position = "fixed";
      banner.style.top = "0";
      banner.style.left = "0";
      banner.style.right = "0";
      banner.style.zIndex = "1000";
      var text = document.createElement("p");
      var stay = document.createElement("button");
      stay.type = "button";
      stay.textContent = "Stay logged in";
      stay.addEventListener("click", stayLoggedIn);
      banner.appendChild(text);
      banner.appendChild(stay);
      document.body.insertBefore(banner, document.body.firstChild);
      stay.focus();
    }
    banner.firstChild.textContent =
      "You will be logged out in " + secondsLeft + " s because nothing has happened for a " +
      "while. Unsaved editor text is kept in this tab.";
  }

  window.setInterval(function () {
    var left = deadline - Date.now();
    if (left <= 0) {
      saveDraft();
      window.location.assign(window.location.href); // the server answers with the login page
    } else if (left <= warnBefore) {
      if (lastInput > deadline - idle) {
        if (!pinging) {
          stayLoggedIn(); // the person is working in the page: not inactive
        }
      } else {
        warn(Math.ceil(left / 1000));
      }
    }
  }, 1000);
  document.addEventListener("htmx:afterRequest", activity);
  ["keydown", "input", "click"].forEach(function (name) {
    document.addEventListener(name, function () { lastInput = Date.now(); }, true);
  });

  /* --- the editor's draft --- */

  function editor() {
    return document.getElementById("editor-form");
  }

  function key(form) {
    return "txplan-draft:" + form.getAttribute("action");
  }

  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== "csrfmiddlewaretoken" && el.type !== "submit" &&
        el.type !== "button";
    });
  }

  function valueOf(el) {
    return el.type === "checkbox" || el.type === "radio" ? String(el.checked) : el.value;
  }

  function snapshot(form) {
    var list = fields(form);
    return {
      at: new Date().toISOString(),
      names: list.map(function (el) { return el.name; }),
      values: list.map(valueOf)
    };
  }

  function saveDraft() {
    var form = editor();
    if (form && form.dataset.draftOffered !== "pending") {
      try {
        sessionStorage.setItem(key(form), JSON.stringify(snapshot(form)));
      } catch (e) { /* storage full or disabled: the server copy is all there is */ }
    }
  }

  var timer = null;
  document.addEventListener("input", function (event) {
    if (event.target.form && event.target.form === editor()) {
      window.clearTimeout(timer);
      timer = window.setTimeout(saveDraft, 400);
    }
  });

  // The same text, whatever the edit lock says (a save moves it on).
  function sameText(a, b) {
    function text(snap) {
      return JSON.stringify(snap.values.filter(function (v, i) { return snap.names[i] !== "lock"; }));
    }
    return JSON.stringify(a.names) === JSON.stringify(b.names) && text(a) === text(b);
  }

  function offer() {
    var form = editor();
    if (!form || form.dataset.draftChecked) {
      return;
    }
    form.dataset.draftChecked = "1";
    var saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(key(form)) || "null");
    } catch (e) {
      saved = null;
    }
    if (!saved) {
      return;
    }
    var now = snapshot(form);
    if (sameText(now, saved)) {
      sessionStorage.removeItem(key(form)); // the editor already shows it: it was saved
      return;
    }
    var sameShape = JSON.stringify(now.names) === JSON.stringify(saved.names);
    form.dataset.draftOffered = "pending";
    var box = document.createElement("div");
    box.className = "alert draft-offer";
    box.setAttribute("role", "alert");
    var p = document.createElement("p");
    p.textContent = "Text you typed here at " + new Date(saved.at).toLocaleTimeString() +
      " was not saved (you were logged out, or left the page). ";
    box.appendChild(p);
    var restore = document.createElement("button");
    restore.type = "button";
    restore.textContent = sameShape ? "Put it back in the form" : "Show it";
    var discard = document.createElement("button");
    discard.type = "button";
    discard.className = "secondary";
    discard.textContent = "Discard it";
    box.appendChild(restore);
    box.appendChild(discard);
    form.insertBefore(box, form.firstChild);

    restore.addEventListener("click", function () {
      if (sameShape) {
        fields(form).forEach(function (el, i) {
          if (el.type === "checkbox" || el.type === "radio") {
            el.checked = saved.values[i] === "true";
          } else {
            el.value = saved.values[i];
          }
        });
        box.remove();
        form.dataset.draftOffered = "";
        saveDraft();
      } else {
        // The plan's outline changed since: show the text to copy from.
        var area = document.createElement("textarea");
        area.readOnly = true;
        area.rows = 8;
        area.value = saved.values.filter(function (v, i) {
          return v && saved.names[i] !== "structure" && saved.names[i] !== "lock" &&
            now.values.indexOf(v) < 0;
        }).join("\n\n");
        box.appendChild(area);
        restore.remove();
      }
    });
    discard.addEventListener("click", function () {
      sessionStorage.removeItem(key(form));
      box.remove();
      form.dataset.draftOffered = "";
    });
  }

  document.addEventListener("DOMContentLoaded", offer);
  document.addEventListener("htmx:afterSettle", offer);
})();
