package io.smartrouter.payment.gateway.query;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface GatewayConfigurationRecordRepository extends Repository<GatewayConfigurationRecord, String> {

    GatewayConfigurationRecord save(GatewayConfigurationRecord configuration);

    Optional<GatewayConfigurationRecord> findById(String id);

    List<GatewayConfigurationRecord> findByProjectIdAndDeletedFalseOrderByCreatedAtAscIdAsc(String projectId);

    List<GatewayConfigurationRecord> findByDeletedFalse();
}
