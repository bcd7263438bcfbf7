package kiosk.app.staff;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import kiosk.app.config.KioskConfig;

/**
 * The systemd drop-in that opens the kiosk unit's network sandbox to the staff call destinations of
 * {@code kiosk.conf} only: the unit itself has {@code PrivateNetwork=yes} and {@code RestrictAddressFamilies=AF_UNIX};
 * with a webhook or an MQTT broker configured, the drop-in gives the unit the host's network, IPv4/IPv6 sockets, and
 * {@code IPAddressDeny=any} with one {@code IPAddressAllow=} per destination address (host names resolved now:
 * systemd filters addresses, not names). Without a destination it changes nothing: the sandbox stays closed.
 */
public final class NetworkSandbox {

    /** Where the package's unit reads drop-ins from. */
    public static final String DROP_IN = "/etc/systemd/system/kiosk.service.d/50-staff-network.conf";

    /** Resolves a host name to its addresses (tests pass a fixed one). */
    public interface Resolver {
        List<String> addresses(String host) throws UnknownHostException;

        static Resolver system() {
            return host -> java.util.Arrays.stream(InetAddress.getAllByName(host)).map(InetAddress::getHostAddress)
                    .toList();
        }
    }

    private NetworkSandbox() {
    }

    /** The drop-in's text for {@code staff}; a destination whose host does not resolve is an error naming it. */
    public static String dropIn(KioskConfig.Staff staff, Resolver resolver) throws UnknownHostException {
        List<URI> destinations = new ArrayList<>();
        staff.webhookUri().ifPresent(destinations::add);
        staff.mqttUri().ifPresent(destinations::add);
        StringBuilder text = new StringBuilder("# Generated from kiosk.conf (staff.webhook, staff.mqtt_broker) by "
                + "`kioskctl staff-network`; regenerate after changing them,\n# then `systemctl daemon-reload && "
                + "systemctl restart kiosk`.\n[Service]\n");
        if (destinations.isEmpty()) {
            return text.append("# No staff call destination: the unit's network sandbox stays closed.\n").toString();
        }
        Set<String> addresses = new LinkedHashSet<>();
        for (URI destination : destinations) {
            try {
                addresses.addAll(resolver.addresses(destination.getHost()));
            } catch (UnknownHostException e) {
                throw new UnknownHostException("the staff call destination " + destination + " does not resolve: "
                        + Optional.ofNullable(e.getMessage()).orElse(destination.getHost()));
            }
        }
        text.append("PrivateNetwork=no\nRestrictAddressFamilies=AF_UNIX AF_INET AF_INET6\nIPAddressDeny=any\n");
        addresses.forEach(address -> text.append("IPAddressAllow=").append(address).append('\n'));
        return text.toString();
    }
}
