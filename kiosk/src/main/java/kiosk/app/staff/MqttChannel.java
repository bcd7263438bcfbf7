package kiosk.app.staff;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.tinylog.Logger;

/**
 * Publishes the call's JSON to an MQTT topic (QoS 1: the broker acknowledges it) with Eclipse Paho. Connects when a
 * call is to be sent and stays connected; a broken connection is dropped and made again on the next attempt.
 */
public final class MqttChannel implements StaffChannel {

    private final URI broker;
    private final String topic;
    private final String clientId;
    private MqttClient client;

    public MqttChannel(URI broker, String topic, String kioskId) {
        this.broker = broker;
        this.topic = topic;
        this.clientId = "kiosk-" + kioskId;
    }

    @Override
    public String name() {
        return "mqtt";
    }

    @Override
    public void deliver(StaffMessage message) throws MqttException {
        try {
            if (client == null || !client.isConnected()) {
                close();
                client = new MqttClient(broker.toString(), clientId, new MemoryPersistence());
                MqttConnectOptions options = new MqttConnectOptions();
                options.setCleanSession(true);
                options.setConnectionTimeout(5);
                client.connect(options);
            }
            MqttMessage payload = new MqttMessage(message.json().getBytes(StandardCharsets.UTF_8));
            payload.setQos(1);
            client.publish(topic, payload);
        } catch (MqttException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnect(1000);
            }
            client.close();
        } catch (MqttException e) {
            Logger.debug("MQTT client to {} closed with: {}", broker, e.getMessage());
        }
        client = null;
    }
}
