/* Signature pad for the client-agreement form on a plan page.
 *
 * Progressive enhancement: without this script the form offers the typed choices only
 * (the "Signed on the pad" choice and the pad stay hidden). Loaded from a file because the
 * Content-Security-Policy allows no inline script or style. The drawing is posted as a PNG
 * data URL in the form's hidden image_data field; the server checks and re-encodes it.
 */
(function () {
  "use strict";

  function setUp(form) {
    var pad = form.querySelector("[data-signature-pad]");
    var canvas = pad ? pad.querySelector("canvas") : null;
    if (!canvas || !canvas.getContext) {
      return; // no canvas support: the typed choices remain
    }
    var context = canvas.getContext("2d");
    var output = pad.querySelector('input[type="hidden"]');
    var methods = form.querySelectorAll('input[type="radio"][name="method"]');
    var drawnChoice = form.querySelector('input[type="radio"][name="method"][value="drawn"]');
    var drawing = false;

    function showFieldsFor() {
      var chosen = form.querySelector('input[type="radio"][name="method"]:checked');
      var method = chosen ? chosen.value : "";
      form.querySelectorAll("[data-for-method]").forEach(function (block) {
        block.hidden = block.getAttribute("data-for-method") !== method;
      });
    }

    function blank() {
      // White, not transparent: the stored image reads the same on any background.
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.strokeStyle = "#111111";
      context.lineWidth = 2.5;
      context.lineCap = "round";
      context.lineJoin = "round";
    }

    function point(event) {
      // The canvas may be drawn smaller than its 600×200 pixels: scale to its own grid.
      var box = canvas.getBoundingClientRect();
      return {
        x: ((event.clientX - box.left) * canvas.width) / box.width,
        y: ((event.clientY - box.top) * canvas.height) / box.height,
      };
    }

    canvas.addEventListener("pointerdown", function (event) {
      event.preventDefault();
      drawing = true;
      canvas.setPointerCapture(event.pointerId);
      var p = point(event);
      context.beginPath();
      context.moveTo(p.x, p.y);
      context.lineTo(p.x + 0.1, p.y + 0.1); // a tap leaves a dot
      context.stroke();
      if (drawnChoice && !drawnChoice.checked) {
        drawnChoice.checked = true;
        showFieldsFor();
      }
    });
    canvas.addEventListener("pointermove", function (event) {
      if (!drawing) {
        return;
      }
      var p = point(event);
      context.lineTo(p.x, p.y);
      context.stroke();
    });
    function finish() {
      if (drawing) {
        drawing = false;
        output.value = canvas.toDataURL("image/png");
      }
    }
    canvas.addEventListener("pointerup", finish);
    canvas.addEventListener("pointercancel", finish);

    pad.querySelector("[data-clear]").addEventListener("click", function () {
      blank();
      output.value = "";
    });
    methods.forEach(function (radio) {
      radio.addEventListener("change", showFieldsFor);
    });

    blank();
    if (output.value.indexOf("data:image/png;base64,") === 0) {
      // The form came back with an error elsewhere: show the drawing that was kept.
      var previous = new Image();
      previous.addEventListener("load", function () {
        context.drawImage(previous, 0, 0);
      });
      previous.src = output.value;
    }
    form.querySelectorAll("[data-needs-script]").forEach(function (element) {
      element.hidden = false;
    });
    showFieldsFor();
  }

  document.querySelectorAll("form[data-agreement-form]").forEach(setUp);
})();
