package org.opendws.snapshot.codegen;

import org.openapitools.codegen.languages.JavaClientCodegen;

/**
 * openapi-generator's {@code java} generator (the client's), unchanged but for the donation
 * banner, which {@code DefaultCodegen.postProcess()} prints to {@code System.out} on every run,
 * past Maven's {@code -q}: a quiet build prints nothing on success. Used through the plugin's
 * {@code generatorName}, as this class's name.
 */
public class QuietJavaClientCodegen extends JavaClientCodegen {
    @Override
    public void postProcess() {
        // the banner is all DefaultCodegen.postProcess() does
    }
}
