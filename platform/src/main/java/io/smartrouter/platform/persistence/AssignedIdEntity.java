package io.smartrouter.platform.persistence;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * An entity whose id the code assigns (an event's id, not a database sequence). Spring Data cannot tell such an entity
 * from a stored one by its id, so {@code save} would merge it: a lookup by id, then the insert. This one is new from
 * its constructor until JPA stores or loads it, so saving a new row is one insert.
 * <p>
 * Only for rows created once: a second new object with the id of a stored row fails on the primary key instead of
 * overwriting it. Change a stored row through the loaded entity.
 */
@MappedSuperclass
public abstract class AssignedIdEntity implements Persistable<String> {

    @Transient
    private boolean stored;

    @Override
    public boolean isNew() {
        return !stored;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }
}
