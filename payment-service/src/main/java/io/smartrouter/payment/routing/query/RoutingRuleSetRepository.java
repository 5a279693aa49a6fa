package io.smartrouter.payment.routing.query;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface RoutingRuleSetRepository extends Repository<RoutingRuleSet, String> {

    RoutingRuleSet save(RoutingRuleSet rules);

    Optional<RoutingRuleSet> findById(String projectId);
}
