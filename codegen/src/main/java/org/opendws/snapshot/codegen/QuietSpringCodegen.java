package org.opendws.snapshot.codegen;

import org.openapitools.codegen.languages.SpringCodegen;

/**
 * openapi-generator's {@code spring} generator (the mock server's), unchanged but for the
 * donation banner, which {@code DefaultCodegen.postProcess()} prints to {@code System.out} on
 * every run, past Maven's {@code -q}: a quiet build prints nothing on success. Used through the
 * plugin's {@code generatorName}, as this class's name.
 */
public class QuietSpringCodegen extends SpringCodegen {
    @Override
    public void postProcess() {
        // the banner is all DefaultCodegen.postProcess() does
    }
}
