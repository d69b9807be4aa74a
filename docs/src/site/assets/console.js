// opendws-snapshot documentation: the console of the local mock. On the reference page it runs
// the "Try it" forms (generated from the OpenAPI document): it sends the request to the mock that
// serves the page, signing it with SDK-HMAC-SHA256 exactly as the Java AkSkSigner does, and shows
// the answer beside the canonical request and string to sign. On the traffic page it lists the
// mock's journal. Plain browser APIs only (fetch, WebCrypto); it requests nothing but the page's
// own origin, stores nothing (no cookie, no localStorage) and logs nothing.
(function () {
  "use strict";

  // The mock's default world (org.opendws.snapshot.mock.world.World), documented in the README:
  // development credentials that work against the mock only. A server-stub test checks them.
  var DEFAULTS = {
    ak: "MOCKACCESSKEY0000000",
    sk: "MockSecretKeyForLocalDevelopmentOnly0000",
    headers: { "x-auth-token": "MockIamTokenForLocalDevelopmentOnly" }
  };
  var ALGORITHM = "SDK-HMAC-SHA256";
  var REFRESH_MS = 2000;
  var GUIDE = "troubleshooting-signatures.html";
  var SECRET_HEADERS = ["x-auth-token", "x-security-token"];

  // ---- SDK-HMAC-SHA256, step by step as org.opendws.snapshot.auth.AkSkSigner and Canonical

  var encoder = new TextEncoder();

  function hex(buffer) {
    var bytes = new Uint8Array(buffer), out = "";
    for (var i = 0; i < bytes.length; i++) {
      out += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
    }
    return out;
  }

  function sha256Hex(bytes) {
    return crypto.subtle.digest("SHA-256", bytes).then(hex);
  }

  function hmacSha256Hex(key, text) {
    return crypto.subtle.importKey("raw", encoder.encode(key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"])
      .then(function (k) { return crypto.subtle.sign("HMAC", k, encoder.encode(text)); })
      .then(hex);
  }

  // RFC 3986: unreserved characters stay, every other UTF-8 byte is %XX (upper case)
  function percentEncode(text) {
    var bytes = encoder.encode(text), out = "";
    for (var i = 0; i < bytes.length; i++) {
      var c = bytes[i];
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 95 || c === 126) {
        out += String.fromCharCode(c);
      } else {
        out += "%" + (c < 16 ? "0" : "") + c.toString(16).toUpperCase();
      }
    }
    return out;
  }

  // only %XX escapes are decoded (a "+" stays), each run as UTF-8, as Canonical.percentDecode
  function percentDecode(text) {
    if (/%(?![0-9A-Fa-f]{2})/.test(text)) {
      throw new Error("a '%' is not followed by two hexadecimal digits in " + text);
    }
    return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, function (run) {
      var bytes = new Uint8Array(run.length / 3);
      for (var i = 0; i < bytes.length; i++) {
        bytes[i] = parseInt(run.substr(i * 3 + 1, 2), 16);
      }
      return new TextDecoder().decode(bytes);
    });
  }

  // Java's String.trim: characters up to U+0020 at both ends
  function javaTrim(text) {
    return text.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
  }

  // Java's String.compareTo (UTF-16 code units), which TreeMap sorts by
  function byCodeUnits(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function canonicalUri(rawPath) {
    var uri = percentDecode(rawPath).split("/").map(percentEncode).join("/");
    return uri.charAt(uri.length - 1) === "/" ? uri : uri + "/";
  }

  // QueryString.parse (trailing empty pairs dropped, as Java's split does), a repeated name's
  // last value kept, then sorted by encoded name
  function canonicalQuery(rawQuery) {
    var pairs = rawQuery ? rawQuery.split("&") : [];
    while (pairs.length && pairs[pairs.length - 1] === "") {
      pairs.pop();
    }
    var byName = {};
    pairs.forEach(function (pair) {
      var at = pair.indexOf("=");
      var name = percentEncode(percentDecode(at < 0 ? pair : pair.substring(0, at)));
      byName[name] = percentEncode(percentDecode(at < 0 ? "" : pair.substring(at + 1)));
    });
    return Object.keys(byName).sort(byCodeUnits).map(function (n) { return n + "=" + byName[n]; }).join("&");
  }

  /**
   * Signs a request as AkSkSigner.sign does. r: {method, host, path (raw, as sent), query (raw,
   * without "?", or ""), headers ({name: value}, signed besides host and x-sdk-date), body
   * (Uint8Array), ak, sk, date (X-Sdk-Date, e.g. 20261128T045404Z)}. Resolves to the date, the
   * signed header names, the canonical request, the string to sign, the signature and the
   * Authorization header.
   */
  function sign(r) {
    var headers = {};
    Object.keys(r.headers || {}).forEach(function (name) { headers[name.toLowerCase()] = r.headers[name]; });
    headers.host = r.host;
    headers["x-sdk-date"] = r.date;
    var names = Object.keys(headers).sort(byCodeUnits);
    var signedHeaders = names.join(";");
    var canonicalHeaders = names.map(function (n) { return n + ":" + javaTrim(headers[n]) + "\n"; }).join("");
    return sha256Hex(r.body || new Uint8Array(0)).then(function (bodyHash) {
      var canonical = [r.method.toUpperCase(), canonicalUri(r.path), canonicalQuery(r.query), canonicalHeaders,
        signedHeaders, bodyHash].join("\n");
      return sha256Hex(encoder.encode(canonical)).then(function (canonicalHash) {
        var stringToSign = ALGORITHM + "\n" + r.date + "\n" + canonicalHash;
        return hmacSha256Hex(r.sk, stringToSign).then(function (signature) {
          return {
            date: r.date, signedHeaders: signedHeaders, canonicalRequest: canonical, stringToSign: stringToSign,
            signature: signature,
            authorization: ALGORITHM + " Access=" + r.ak + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature
          };
        });
      });
    });
  }

  // yyyyMMdd'T'HHmmss'Z', UTC
  function sdkDate(date) {
    return date.toISOString().replace(/\.\d+Z$/, "Z").replace(/[-:]/g, "");
  }

  // ---- small DOM helpers

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text !== undefined && text !== null) {
      e.textContent = text;
    }
    return e;
  }

  function pre(className, text) {
    var p = el("pre", className);
    p.appendChild(el("code", null, text));
    return p;
  }

  function prettyBody(text) {
    if (!text) {
      return "(no body)";
    }
    try {
      return JSON.stringify(JSON.parse(text), null, 2);
    } catch (notJson) {
      return text;
    }
  }

  function headerTable(className, pairs) {
    var table = el("table", "try-headers " + className);
    var body = el("tbody");
    pairs.forEach(function (pair) {
      var row = el("tr");
      row.appendChild(el("th", null, pair[0]));
      row.appendChild(el("td", null, pair[1]));
      body.appendChild(row);
    });
    table.appendChild(body);
    return table;
  }

  function statusClass(status) {
    return "status status-" + String(status).charAt(0) + "xx";
  }

  /** The console needs the mock that serves the page: a page opened from a file has none. */
  function offline() {
    return location.protocol !== "http:" && location.protocol !== "https:";
  }

  function offlineNotice() {
    var p = el("p", "console-offline");
    p.appendChild(document.createTextNode("This needs a running mock server: opened from a file, the page has none "
      + "to send to. Start it (java -jar server-stub/target/dws-mock-server.jar) and open "));
    p.appendChild(el("code", null, "http://localhost:8080/docs/"));
    p.appendChild(document.createTextNode("."));
    return p;
  }

  // ---- the "Try it" forms

  function setUpForm(section) {
    var form = section.querySelector("form");
    var result = section.querySelector(".try-result");
    section.hidden = false;
    var ak = form.elements.ak, sk = form.elements.sk;
    if (ak) {
      ak.value = DEFAULTS.ak;
      sk.value = DEFAULTS.sk;
    }
    section.querySelectorAll("[data-header]").forEach(function (input) {
      input.value = DEFAULTS.headers[input.getAttribute("data-header").toLowerCase()] || "";
    });
    var showCredentials = function () {
      var chosen = form.querySelector("input[name=auth]:checked").value;
      section.querySelectorAll(".try-credentials").forEach(function (div) {
        div.hidden = div.getAttribute("data-auth") !== chosen;
      });
    };
    form.querySelectorAll("input[name=auth]").forEach(function (radio) { radio.addEventListener("change", showCredentials); });
    showCredentials();
    section.querySelectorAll("[data-in]").forEach(function (input) {
      input.addEventListener("input", function () { check(input); });
      check(input);
    });
    if (offline()) {
      form.querySelector(".try-send").disabled = true;
      section.insertBefore(offlineNotice(), form);
      return;
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      send(section, form, result);
    });
  }

  /** Marks a value that breaks the parameter's rules; it is sent all the same (to see the mock's 400). */
  function check(input) {
    var v = input.value, problems = [], d = input.dataset;
    if (v === "") {
      if (d.required) {
        problems.push("required");
      }
    } else {
      if (d.pattern && !new RegExp(d.pattern).test(v)) {
        problems.push("does not match the pattern");
      }
      if (d.minLength && v.length < +d.minLength) {
        problems.push("shorter than " + d.minLength);
      }
      if (d.maxLength && v.length > +d.maxLength) {
        problems.push("longer than " + d.maxLength);
      }
      if (d.integer && !/^-?\d+$/.test(v)) {
        problems.push("not an integer");
      }
      if (d.minimum && +v < +d.minimum) {
        problems.push("below " + d.minimum);
      }
      if (d.maximum && +v > +d.maximum) {
        problems.push("above " + d.maximum);
      }
    }
    input.classList.toggle("invalid", problems.length > 0);
    input.parentNode.querySelector(".try-problem").textContent =
      problems.length ? " · " + problems.join(", ") + " (sent as typed)" : "";
  }

  function send(section, form, result) {
    var method = section.getAttribute("data-method");
    var path = section.getAttribute("data-path");
    var query = [];
    section.querySelectorAll("[data-in]").forEach(function (input) {
      var name = input.getAttribute("name"), value = input.value;
      if (input.getAttribute("data-in") === "path") {
        path = path.split("{" + name + "}").join(encodeURIComponent(value));
      } else if (value !== "") {
        query.push(encodeURIComponent(name) + "=" + encodeURIComponent(value));
      }
    });
    var rawQuery = query.join("&");
    var headers = {};
    var bodyField = form.elements.body;
    // exactly these bytes are hashed and sent
    var body = bodyField ? encoder.encode(bodyField.value) : null;
    if (bodyField) {
      headers["Content-Type"] = bodyField.getAttribute("data-media-type");
    }
    var auth = form.querySelector("input[name=auth]:checked").value;
    var signing = Promise.resolve(null);
    if (auth === "aksk") {
      if (!window.crypto || !crypto.subtle) {
        show(result, { error: "WebCrypto is not available: a browser offers it on http://localhost and "
          + "http://127.0.0.1 (and https), so open the page there to sign." });
        return;
      }
      signing = sign({ method: method, host: location.host, path: path, query: rawQuery, headers: headers,
        body: body, ak: form.elements.ak.value, sk: form.elements.sk.value, date: sdkDate(new Date()) });
    } else if (auth !== "none") {
      headers[auth] = form.elements[auth].value;
    }
    var state = section.querySelector(".try-state");
    state.textContent = "sending...";
    var url = path + (rawQuery ? "?" + rawQuery : "");
    signing.then(function (signed) {
      if (signed) {
        headers["X-Sdk-Date"] = signed.date;
        headers.Authorization = signed.authorization;
      }
      // same origin, no cookies, never cached: the request goes to the mock as shown
      return fetch(url, { method: method, headers: headers, body: body, credentials: "omit", cache: "no-store" })
        .then(function (response) {
          return response.text().then(function (text) {
            show(result, { method: method, url: location.origin + url, sent: headers, signed: signed,
              status: response.status, headers: response.headers, body: text });
          });
        });
    }).catch(function (failure) {
      show(result, { error: "The request failed before an answer: " + failure.message });
    }).then(function () {
      state.textContent = "";
    });
  }

  function show(result, r) {
    result.textContent = "";
    if (r.error) {
      result.appendChild(el("p", "try-error", r.error));
      return;
    }
    var answer = el("div", "try-answer");
    var head = el("p", "try-status-line");
    head.appendChild(el("span", statusClass(r.status) + " try-status", String(r.status)));
    head.appendChild(document.createTextNode(" X-Request-Id "));
    head.appendChild(el("code", "try-request-id", r.headers.get("X-Request-Id") || "(none)"));
    answer.appendChild(el("h5", null, "Answer"));
    answer.appendChild(head);
    var received = [];
    r.headers.forEach(function (value, name) { received.push([name, value]); });
    answer.appendChild(headerTable("try-received", received));
    answer.appendChild(pre("json try-body-received", prettyBody(r.body)));
    result.appendChild(answer);

    var request = el("div", "try-request");
    request.appendChild(el("h5", null, "Request"));
    request.appendChild(el("p", "try-url", r.method + " " + r.url));
    // a token is shown as the journal shows it; Authorization stays whole: its signature reveals no key
    var sent = Object.keys(r.sent).map(function (name) {
      return [name, SECRET_HEADERS.indexOf(name.toLowerCase()) >= 0 ? "<redacted>" : r.sent[name]];
    });
    request.appendChild(headerTable("try-sent", sent));
    if (r.signed) {
      request.appendChild(el("p", null, "Canonical request:"));
      request.appendChild(pre("try-canonical", r.signed.canonicalRequest));
      request.appendChild(el("p", null, "String to sign:"));
      request.appendChild(pre("try-string-to-sign", r.signed.stringToSign));
      var sig = el("p", null, "Signature ");
      sig.appendChild(el("code", "try-signature", r.signed.signature));
      request.appendChild(sig);
      if (r.status === 401) {
        var hint = el("p", "try-hint", "The mock refused the signature: it signed the request it received and "
          + "got another. Compare the canonical request above with the request as the mock received it "
          + "(the Traffic page), line by line; ");
        var link = el("a", null, "Troubleshooting signatures");
        link.href = GUIDE;
        hint.appendChild(link);
        hint.appendChild(document.createTextNode(" lists the usual causes."));
        request.appendChild(hint);
      }
    }
    result.appendChild(request);
  }

  // ---- the traffic page

  function setUpTraffic(root) {
    root.hidden = false;
    var state = root.querySelector(".traffic-state");
    if (offline()) {
      root.insertBefore(offlineNotice(), root.firstChild);
      root.querySelector(".traffic-table").hidden = true;
      return;
    }
    var filters = root.querySelector(".traffic-filters");
    var tbody = root.querySelector("tbody");
    var entries = [], capacity = 0, open = {};
    var render = function () {
      var status = filters.elements.status.value;
      var path = filters.elements.path.value;
      var hideSite = filters.elements["hide-site"].checked;
      var shown = entries.filter(function (e) {
        var s = String(e.status).charAt(0);
        return (!status || status.indexOf(s) >= 0)
          && (!path || e.path.indexOf(path) >= 0)
          && !(hideSite && e.path.indexOf("/docs") === 0);
      });
      tbody.textContent = "";
      shown.forEach(function (e) { row(e, tbody, open); });
      state.textContent = shown.length + " shown of the " + entries.length + " requests the journal holds (it keeps "
        + capacity + "); refreshed every " + REFRESH_MS / 1000 + " s.";
    };
    filters.addEventListener("input", render);
    filters.addEventListener("change", render);
    filters.addEventListener("submit", function (event) { event.preventDefault(); });
    var last = null;
    var refresh = function () {
      if (document.hidden) {
        setTimeout(refresh, REFRESH_MS);
        return;
      }
      fetch("/__admin/journal", { credentials: "omit", cache: "no-store" }).then(function (response) {
        if (!response.ok) {
          throw new Error("GET /__admin/journal answered " + response.status + ": is this site served by the mock?");
        }
        return response.json();
      }).then(function (journal) {
        capacity = journal.capacity;
        var newest = journal.entries.length ? journal.entries[journal.entries.length - 1].request_id : "";
        var key = journal.entries.length + " " + newest;
        if (key !== last) { // re-drawn only when something arrived: an open request stays open
          last = key;
          entries = journal.entries.slice().reverse();
          render();
        }
        setTimeout(refresh, REFRESH_MS);
      }).catch(function (failure) {
        state.textContent = failure.message;
        setTimeout(refresh, REFRESH_MS * 5);
      });
    };
    refresh();
  }

  function row(e, tbody, open) {
    var tr = el("tr", "traffic-entry");
    tr.tabIndex = 0;
    tr.setAttribute("data-request-id", e.request_id);
    tr.appendChild(el("td", "traffic-time", e.timestamp.replace("T", " ").replace(/(\.\d{3})\d*Z$/, "$1Z")));
    tr.appendChild(el("td", null, e.method));
    tr.appendChild(el("td", "traffic-path", e.path + (e.query ? "?" + e.query : "")));
    var status = el("td");
    status.appendChild(el("span", statusClass(e.status), String(e.status)));
    tr.appendChild(status);
    tr.appendChild(el("td", "traffic-request-id", e.request_id));
    tbody.appendChild(tr);
    var details = el("tr", "traffic-details");
    var cell = el("td");
    cell.colSpan = 5;
    var pairs = [];
    Object.keys(e.headers).forEach(function (name) {
      e.headers[name].forEach(function (value) { pairs.push([name, value]); });
    });
    cell.appendChild(headerTable("traffic-headers", pairs));
    var size = e.body_size > 0 && e.body && encoder.encode(e.body).length < e.body_size
      ? " (the journal keeps the first part of its " + e.body_size + " bytes)" : "";
    cell.appendChild(el("p", null, "Body" + size + ":"));
    cell.appendChild(pre("json traffic-body", prettyBody(e.body)));
    details.appendChild(cell);
    details.hidden = !open[e.request_id];
    tbody.appendChild(details);
    var toggle = function () {
      details.hidden = !details.hidden;
      open[e.request_id] = !details.hidden;
    };
    tr.addEventListener("click", toggle);
    tr.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        toggle();
      }
    });
  }

  // for the tests of the site: the signer, to check it against the reference vectors
  window.opendwsConsole = { sign: sign };

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("section.try-it").forEach(setUpForm);
    var traffic = document.getElementById("traffic");
    if (traffic) {
      setUpTraffic(traffic);
    }
  });
})();
