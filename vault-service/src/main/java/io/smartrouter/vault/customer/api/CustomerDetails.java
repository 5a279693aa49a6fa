package io.smartrouter.vault.customer.api;

import java.util.Map;

/** A customer's contact details and metadata; every field optional. */
public record CustomerDetails(String email, String firstName, String lastName, String phoneNumber, String address1,
        String address2, String city, String state, String zip, String countryCode, Map<String, String> metadata) {

    public CustomerDetails {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** These details with every field {@code changes} gives (non-null) replacing the current one. */
    public CustomerDetails updatedWith(CustomerDetails changes, boolean metadataGiven) {
        return new CustomerDetails(pick(changes.email, email), pick(changes.firstName, firstName),
                pick(changes.lastName, lastName), pick(changes.phoneNumber, phoneNumber),
                pick(changes.address1, address1), pick(changes.address2, address2), pick(changes.city, city),
                pick(changes.state, state), pick(changes.zip, zip), pick(changes.countryCode, countryCode),
                metadataGiven ? changes.metadata : metadata);
    }

    /** As it travels in vault events. */
    public io.smartrouter.schemas.vault.CustomerDetails toEvent() {
        return io.smartrouter.schemas.vault.CustomerDetails.newBuilder()
                .setEmail(email).setFirstName(firstName).setLastName(lastName).setPhoneNumber(phoneNumber)
                .setAddress1(address1).setAddress2(address2).setCity(city).setState(state).setZip(zip)
                .setCountryCode(countryCode).setMetadata(Map.copyOf(metadata))
                .build();
    }

    public static CustomerDetails of(io.smartrouter.schemas.vault.CustomerDetails details) {
        return new CustomerDetails(details.getEmail(), details.getFirstName(), details.getLastName(),
                details.getPhoneNumber(), details.getAddress1(), details.getAddress2(), details.getCity(),
                details.getState(), details.getZip(), details.getCountryCode(), details.getMetadata());
    }

    private static String pick(String change, String current) {
        return change != null ? change : current;
    }
}
