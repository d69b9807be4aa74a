package org.opendws.snapshot.docs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.node.Node;

/**
 * Builds the documentation site: the API reference ({@code index.html}) from the OpenAPI
 * document, one page per Markdown guide, the traffic page of the mock's journal, and the static
 * assets (one stylesheet, two small scripts). The output needs nothing from the network and
 * links only relatively.
 *
 * <p>Run by the docs module's build ({@code exec:java} in {@code process-classes}) as
 * {@code SiteGenerator <openapi.yaml> <site source dir> <output dir>}; the source dir holds
 * {@code guides/NN-name.md} (shown in file-name order as {@code name.html}) and {@code assets/}.
 */
public final class SiteGenerator {
    /** The name of the site, in every page's header and title. */
    public static final String SITE_NAME = "opendws-snapshot";
    /** The reference page's file name. */
    public static final String INDEX = "index.html";

    private static final Pattern GUIDE_FILE = Pattern.compile("(?:\\d+-)?([a-z0-9-]+)\\.md");
    private static final Pattern GUIDE_LINK = Pattern.compile("(?:\\d+-)?([a-z0-9-]+)\\.md(#.*)?");
    /** The assets directory as a guide's Markdown file refers to it: {@code guides/} and {@code assets/} are siblings. */
    private static final String ASSETS_FROM_GUIDE = "../assets/";

    private SiteGenerator() {}

    /**
     * Command line entry point.
     *
     * @param args the OpenAPI document, the site source directory, the output directory
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: SiteGenerator <openapi.yaml> <site source dir> <output dir>");
        }
        generate(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
    }

    /**
     * Writes the site into {@code output} (emptied first).
     *
     * @param spec   the OpenAPI document
     * @param source the directory holding {@code guides/} and {@code assets/}
     * @param output the directory to write the site into
     * @return the HTML pages written, reference first
     * @throws IOException when a file cannot be read or written
     */
    public static List<Path> generate(Path spec, Path source, Path output) throws IOException {
        OpenAPI api = parse(spec);
        List<Guide> guides = readGuides(source.resolve("guides"));

        List<Layout.PageRef> pages = new ArrayList<>();
        Layout.PageRef reference = new Layout.PageRef(INDEX, "API reference");
        pages.add(reference);
        guides.forEach(g -> pages.add(g.page()));
        Layout.PageRef traffic = new Layout.PageRef(TrafficPage.FILE, TrafficPage.TITLE);
        pages.add(traffic);
        String footer = "Generated from <code>openapi/dws-snapshot.yaml</code> (API version "
                + Html.escape(api.getInfo().getVersion()) + ") and the project's guides. "
                + "This site loads nothing from the network.";
        Layout layout = new Layout(SITE_NAME, footer, pages);

        deleteRecursively(output);
        Files.createDirectories(output);
        List<Path> written = new ArrayList<>();
        ReferencePage referencePage = new ReferencePage(api);
        String content = referencePage.render();
        written.add(write(output.resolve(INDEX), layout.page(reference, referencePage.toc(), content)));
        for (Guide guide : guides) {
            written.add(
                    write(output.resolve(guide.page().file()), layout.page(guide.page(), guide.toc(), guide.html())));
        }
        written.add(write(output.resolve(traffic.file()), layout.page(traffic, List.of(), TrafficPage.render())));
        copyTree(source.resolve("assets"), output.resolve("assets"));
        return written;
    }

    /** Parses the OpenAPI document; any parser message fails the build, naming the file. */
    static OpenAPI parse(Path spec) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false); // keep $refs: the page links to named components
        SwaggerParseResult result =
                new OpenAPIV3Parser().readLocation(spec.toUri().toString(), null, options);
        if (result.getOpenAPI() == null
                || (result.getMessages() != null && !result.getMessages().isEmpty())) {
            throw new IllegalStateException("cannot read the OpenAPI document " + spec + ": " + result.getMessages());
        }
        return result.getOpenAPI();
    }

    /** A rendered guide. */
    private record Guide(Layout.PageRef page, List<TocEntry> toc, String html) {}

    private static List<Guide> readGuides(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
        // links between guides are written to the .md files (they work on a forge too) and point to pages here
        Markdown markdown = new Markdown(false, SiteGenerator::guideLink);
        List<Guide> guides = new ArrayList<>();
        for (Path file : files) {
            Matcher name = GUIDE_FILE.matcher(file.getFileName().toString());
            if (!name.matches()) {
                throw new IllegalStateException("guide file name must be like 01-some-name.md: " + file);
            }
            Node document = markdown.parse(Files.readString(file, StandardCharsets.UTF_8));
            String title = Markdown.title(document);
            if (title == null) {
                throw new IllegalStateException("guide has no level-1 heading (its title): " + file);
            }
            List<TocEntry> toc = new ArrayList<>();
            String html = markdown.render(document, toc);
            guides.add(new Guide(new Layout.PageRef(name.group(1) + ".html", title), toc, html));
        }
        return guides;
    }

    /**
     * {@code 02-mock-server.md#admin} to {@code mock-server.html#admin}, {@code ../assets/x.svg}
     * (an asset as the guide's file sees it, on a forge too) to {@code assets/x.svg} (as the page
     * sees it); other links unchanged.
     */
    static String guideLink(String destination) {
        if (destination.startsWith(ASSETS_FROM_GUIDE)) {
            return destination.substring("../".length());
        }
        Matcher m = GUIDE_LINK.matcher(destination);
        if (!m.matches()) {
            return destination;
        }
        return m.group(1) + ".html" + (m.group(2) == null ? "" : m.group(2));
    }

    private static Path write(Path file, String html) throws IOException {
        Files.writeString(file, html, StandardCharsets.UTF_8);
        return file;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
