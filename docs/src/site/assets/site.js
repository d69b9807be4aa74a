// opendws-snapshot documentation: adds a "Copy" button to each code block. The pages are
// complete without this script.
(function () {
  "use strict";
  function copy(text, button) {
    var done = function () {
      button.textContent = "Copied";
      setTimeout(function () { button.textContent = "Copy"; }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { button.textContent = "Select and copy"; });
    } else {
      button.textContent = "Select and copy";
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    var blocks = document.querySelectorAll("pre > code");
    for (var i = 0; i < blocks.length; i++) {
      (function (code) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "copy";
        button.textContent = "Copy";
        button.addEventListener("click", function () { copy(code.textContent, button); });
        code.parentNode.appendChild(button);
      })(blocks[i]);
    }
  });
})();
