package vn.motcua.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this node takes part in an installation of several nodes on one database.
 *
 * @param nodeName  how this node names itself in the lock table and the logs (default: host name and process id)
 * @param lockWait  how long a node waits for a start-up lock another node holds before it gives up (default 10 min)
 * @param probeTime how long the readiness probe waits for a database connection before it reports the database
 *                  down (default 2 s)
 */
@ConfigurationProperties("motcua.cluster")
public record ClusterProperties(
        String nodeName,
        @DefaultValue("PT10M") Duration lockWait,
        @DefaultValue("PT2S") Duration probeTime) {

    public ClusterProperties {
        if (nodeName == null || nodeName.isBlank()) {
            nodeName = ProcessHandle.current().pid() + "@" + host();
        }
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
