package io.smartrouter.simulator.psp;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The named PSPs of this simulator; an admin {@code PUT} of a new name adds one. */
public final class PspRegistry {

    /** The names the simulator accepts, as the connector's {@code psp} setting does. */
    public static final String NAME_PATTERN = "[a-z0-9-]{1,40}";

    private final ConcurrentMap<String, SimulatedPsp> psps = new ConcurrentHashMap<>();
    private final Clock clock;

    public PspRegistry(Map<String, PspSettings> initial, Clock clock) {
        this.clock = clock;
        initial.forEach((name, settings) -> {
            if (!name.matches(NAME_PATTERN)) {
                throw new InvalidSettingsException("PSP name '" + name + "' must match " + NAME_PATTERN);
            }
            psps.put(name, new SimulatedPsp(name, settings == null ? PspSettings.defaults() : settings, clock));
        });
    }

    public Optional<SimulatedPsp> find(String name) {
        return Optional.ofNullable(psps.get(name));
    }

    /** Replaces the settings of {@code name}, adding the PSP if new; answers whether it was added. */
    public boolean configure(String name, PspSettings settings) {
        if (!name.matches(NAME_PATTERN)) {
            throw new InvalidSettingsException("A PSP name must match " + NAME_PATTERN);
        }
        settings.validate();
        boolean[] added = {false};
        psps.compute(name, (key, existing) -> {
            if (existing == null) {
                added[0] = true;
                return new SimulatedPsp(name, settings, clock);
            }
            existing.configure(settings);
            return existing;
        });
        return added[0];
    }

    /** Every PSP's settings, by name. */
    public Map<String, PspSettings> all() {
        Map<String, PspSettings> all = new TreeMap<>();
        psps.forEach((name, psp) -> all.put(name, psp.settings()));
        return all;
    }
}
