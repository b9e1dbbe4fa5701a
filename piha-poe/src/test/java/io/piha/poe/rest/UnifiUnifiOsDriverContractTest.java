package io.piha.poe.rest;

import org.junit.jupiter.api.DisplayName;

@DisplayName("UniFi driver (UNIFI_OS controller) against a fake controller")
class UnifiUnifiOsDriverContractTest extends UnifiDriverContract {

    UnifiUnifiOsDriverContractTest() {
        super(UnifiPoeDriver.Flavor.UNIFI_OS);
    }
}
