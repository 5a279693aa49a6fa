package io.smartrouter.webhook.event.store;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The last known state of each API object, in table {@code object_state}, for the folds of the next event. */
@Component
public class ObjectStates {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    public ObjectStates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ObjectNode> load(String objectId) {
        return jdbc.queryForList("SELECT document FROM object_state WHERE object_id = ?", String.class, objectId)
                .stream().findFirst().map(document -> (ObjectNode) JSON.readTree(document));
    }

    public void save(String objectId, String projectId, ObjectNode state) {
        String document = JSON.writeValueAsString(state);
        if (jdbc.update("UPDATE object_state SET document = ? WHERE object_id = ?", document, objectId) == 0) {
            jdbc.update("INSERT INTO object_state (object_id, project_id, document) VALUES (?, ?, ?)", objectId,
                    projectId, document);
        }
    }
}
