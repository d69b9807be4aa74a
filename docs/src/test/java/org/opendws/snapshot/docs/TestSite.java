package org.opendws.snapshot.docs;

import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Where the tests find the document, the site sources and the built site (set by the POM, defaults for an IDE). */
final class TestSite {
    private TestSite() {}

    static Path spec() {
        return Path.of(System.getProperty("docs.spec", "target/spec/openapi/dws-snapshot.yaml"));
    }

    static Path source() {
        return Path.of("src/site");
    }

    static Path guides() {
        return Path.of(System.getProperty("docs.guides", "src/site/guides"));
    }

    /** The site the build generated in process-classes. */
    static Path built() {
        return Path.of(System.getProperty("docs.site", "target/site"));
    }

    static OpenAPI api() {
        return SiteGenerator.parse(spec());
    }

    static Document html(Path file) throws IOException {
        return Jsoup.parse(file.toFile(), StandardCharsets.UTF_8.name());
    }

    /** A guide: its page file name and its title (the Markdown file's first {@code # } line). */
    record GuideFile(Path markdown, String page, String title) {}

    static List<GuideFile> guideFiles() throws IOException {
        Pattern name = Pattern.compile("(?:\\d+-)?([a-z0-9-]+)\\.md");
        List<GuideFile> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(guides())) {
            for (Path file : files.sorted().toList()) {
                Matcher m = name.matcher(file.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                String title = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .filter(l -> l.startsWith("# "))
                        .findFirst()
                        .orElseThrow()
                        .substring(2)
                        .trim();
                out.add(new GuideFile(file, m.group(1) + ".html", title));
            }
        }
        return out;
    }
}
