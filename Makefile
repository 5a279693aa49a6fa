# The command surface of Smart Router. `make run` and `make test` are all anyone needs.
.DEFAULT_GOAL := help
MVN ?= mvn

# Everything a build depends on; an unchanged tree starts `make run` without rebuilding.
SOURCES := $(shell find . \( -path ./data -o -name target -o -name node_modules -o -path ./.git \) -prune -o \( -name pom.xml -o -path "*/src/*" \) -type f -print)
BUILT := deploy/target/.built

.PHONY: help run build test bench chaos js-deps clean reset-data vault-keys vault-rotate-keys bench-routing webhook-replay

help:
	@echo "make run         start Kafka and every service with embedded defaults (http://localhost:8080)"
	@echo "make test        run every module's tests (unit, embedded Kafka, PostgreSQL, system journeys)"
	@echo "make bench       measure the platform against a minimal WebFlux endpoint and raw Kafka (about 5 minutes)"
	@echo "make chaos       kill -9 every service and the broker in turn under load, then verify nothing was lost or doubled"
	@echo "make build       package every module without running tests"
	@echo "make bench-routing  the routing benchmark: adaptive vs static vs oracle routing, simulated (not in make test)"
	@echo "make clean       remove build output (keeps ./data)"
	@echo "make reset-data  delete ./data: every event, topic and database of the local platform"
	@echo "make vault-keys  show the running vault's key versions; make vault-rotate-keys rotates (see vault-service/README.md)"
	@echo "make webhook-replay SINCE=<RFC 3339> [UNTIL=…] [PROJECT=…] [ENDPOINT=whep_…] [EVENTS=a,b]  redeliver webhooks"

run: $(BUILT)
	java -cp "deploy/target/classes:deploy/target/lib/*" io.smartrouter.deploy.LocalPlatform

build: $(BUILT)

$(BUILT): $(SOURCES)
	$(MVN) -q -T 2 package -DskipTests
	@touch $@

test: js-deps
	$(MVN) -T 2 verify

# The platform's throughput and latency next to the ceilings measured in the same run (bench/README.md).
bench: $(BUILT)
	java -cp "bench/target/classes:bench/target/lib/*" io.smartrouter.bench.Benchmark

# Crash tests under load: kill -9 each service and the broker in turn, then verify the payments and the event log.
chaos: $(BUILT)
	java -cp "bench/target/classes:bench/target/lib/*" io.smartrouter.bench.Chaos

# Issue 6's routing benchmark (a simulation, seconds; see payment-service/README.md). Not part of `make test`: its class
# name matches none of Surefire's default patterns, so it runs only when named.
bench-routing:
	$(MVN) -q -T 2 -pl payment-service -am verify -Dcheckstyle.skip -Dtest=RoutingBenchmark -Dsurefire.failIfNoSpecifiedTests=false
	@cat payment-service/target/routing-benchmark.txt

# The JavaScript Avro decoder that proves other languages can read our topics (used by the tests).
js-deps:
	npm ci --prefix schemas/js --no-audit --no-fund --loglevel=error

clean:
	$(MVN) -q clean

reset-data:
	rm -rf data

# Operator commands against the running vault (make run in another terminal).
vault-keys:
	@deploy/bin/vault-keys.sh status

vault-rotate-keys:
	@deploy/bin/vault-keys.sh rotate

# Operator replay of webhooks from the running dispatcher's event store (see webhook-dispatcher/README.md).
webhook-replay:
	@deploy/bin/webhook-replay.sh --since "$(SINCE)" $(if $(UNTIL),--until "$(UNTIL)") \
		$(if $(PROJECT),--project "$(PROJECT)") $(if $(ENDPOINT),--endpoint "$(ENDPOINT)") $(if $(EVENTS),--events "$(EVENTS)")
