package org.opendws.snapshot.docs;

/**
 * The traffic page: the requests the mock that serves the site received, from its journal
 * ({@code GET /__admin/journal}), newest first. The page is a frame of static HTML;
 * {@code assets/console.js} fills the table and refreshes it while the page is open.
 */
final class TrafficPage {
    /** The page's file name. */
    static final String FILE = "traffic.html";
    /** Its title in the navigation. */
    static final String TITLE = "Traffic";

    private TrafficPage() {}

    /** The page's content. */
    static String render() {
        return """
                <h1>Traffic</h1>
                <p>The requests the mock server received, newest first, as its journal
                (<code>GET /__admin/journal</code>) keeps them: secrets in <code>Authorization</code>,
                <code>X-Auth-Token</code> and <code>X-Security-Token</code> read <code>&lt;redacted&gt;</code>.
                The list refreshes while this page is open. Click a request for its headers and body.
                Requests to the admin API are not journaled.</p>
                <div class="traffic" id="traffic" hidden>
                <form class="traffic-filters" autocomplete="off">
                <label>Status <select name="status">
                <option value="">any</option><option value="2">2xx</option><option value="4">4xx</option>
                <option value="5">5xx</option><option value="45">4xx and 5xx</option></select></label>
                <label>Path contains <input type="text" name="path" spellcheck="false" placeholder="/snapshots"></label>
                <label><input type="checkbox" name="hide-site" checked> hide this site's own files (<code>/docs/</code>)</label>
                </form>
                <p class="traffic-state" aria-live="polite"></p>
                <table class="traffic-table">
                <thead><tr><th>Time (mock clock)</th><th>Method</th><th>Path</th><th>Status</th><th>Request id</th></tr></thead>
                <tbody></tbody>
                </table>
                </div>
                <noscript><p>This page needs JavaScript: it reads the journal of the running mock.</p></noscript>
                """;
    }
}
