package io.piha.poe.rest;

import org.junit.jupiter.api.DisplayName;

@DisplayName("UniFi driver (CLASSIC controller) against a fake controller")
class UnifiClassicDriverContractTest extends UnifiDriverContract {

    UnifiClassicDriverContractTest() {
        super(UnifiPoeDriver.Flavor.CLASSIC);
    }
}
