package org.opendws.snapshot.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Explicit credentials, the environment's (through an injected source), and secrets kept out of toString. */
class CredentialsTest {
    @Test
    void factoriesMakeTheTwoKinds() {
        assertThat(Credentials.akSk("AK", "SK")).isEqualTo(new AkSkCredentials("AK", "SK", null));
        assertThat(Credentials.akSk("AK", "SK", "TOKEN")).isEqualTo(new AkSkCredentials("AK", "SK", "TOKEN"));
        assertThat(Credentials.akSk("AK", "SK", " ")).isEqualTo(new AkSkCredentials("AK", "SK", null));
        assertThat(Credentials.token("IAM")).isEqualTo(new TokenCredentials("IAM"));
    }

    @Test
    void missingPartsAreRefusedByName() {
        assertThatThrownBy(() -> Credentials.akSk(null, "SK")).hasMessageContaining("access key");
        assertThatThrownBy(() -> Credentials.akSk("AK", " ")).hasMessageContaining("secret key");
        assertThatThrownBy(() -> Credentials.token("")).hasMessageContaining("IAM token");
    }

    @Test
    void toStringNeverShowsASecret() {
        assertThat(Credentials.akSk("MYAK", "MYSECRET", "MYTOKEN").toString())
                .contains("MYAK")
                .doesNotContain("MYSECRET", "MYTOKEN");
        assertThat(Credentials.token("MYIAMTOKEN").toString()).doesNotContain("MYIAMTOKEN");
    }

    @Test
    void theOfficialSdkVariablesComeFirst() {
        Map<String, String> environment = Map.of(
                "HUAWEICLOUD_SDK_AK",
                "HAK",
                "HUAWEICLOUD_SDK_SK",
                "HSK",
                "HUAWEICLOUD_SDK_SECURITY_TOKEN",
                "HTOKEN",
                "CLOUD_SDK_AK",
                "CAK",
                "CLOUD_SDK_SK",
                "CSK");
        assertThat(Credentials.fromEnvironment(environment::get))
                .isEqualTo(new AkSkCredentials("HAK", "HSK", "HTOKEN"));
    }

    @Test
    void theApiPageVariablesAreTheFallback() {
        Map<String, String> environment =
                Map.of("CLOUD_SDK_AK", "CAK", "CLOUD_SDK_SK", "CSK", "HUAWEICLOUD_SDK_AK", "  ");
        assertThat(Credentials.fromEnvironment(environment::get)).isEqualTo(new AkSkCredentials("CAK", "CSK", null));
    }

    @Test
    void anIncompleteOrMissingPairNamesTheVariables() {
        assertThatThrownBy(() -> Credentials.fromEnvironment(Map.of("HUAWEICLOUD_SDK_AK", "A")::get))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("HUAWEICLOUD_SDK_AK is set but HUAWEICLOUD_SDK_SK is not");
        assertThatThrownBy(() -> Credentials.fromEnvironment(Map.of("CLOUD_SDK_SK", "S")::get))
                .hasMessage("CLOUD_SDK_SK is set but CLOUD_SDK_AK is not");
        assertThatThrownBy(() -> Credentials.fromEnvironment(name -> null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HUAWEICLOUD_SDK_AK")
                .hasMessageContaining("CLOUD_SDK_SK");
    }
}
