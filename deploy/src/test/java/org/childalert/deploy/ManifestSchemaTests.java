package org.childalert.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Renders each overlay of deploy/k8s with {@code kubectl kustomize} (no cluster needed) and validates every object
 * against the strict schema of its kind: Kubernetes 1.32 and the operators' CRDs (deploy/schemas), offline.
 */
class ManifestSchemaTests {

	private static final Path K8S = Manifests.REPOSITORY.resolve("deploy/k8s");

	private static final Kubectl KUBECTL = Kubectl.locate(System.getenv());

	private static final List<String> SERVICES = List.of("gateway", "case-service", "alert-service",
			"notification-service");

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyObjectOfTheOverlayMatchesTheSchemaOfItsKind(String overlay) {
		List<JsonNode> objects = render(K8S, overlay);

		assertThat(Manifests.problems(objects)).isEmpty();
		assertThat(objects).extracting((object) -> object.path("kind").asString())
			.contains("Namespace", "Deployment", "Service", "ServiceAccount", "PodDisruptionBudget",
					"HorizontalPodAutoscaler", "NetworkPolicy", "Ingress", "Cluster", "Database", "RabbitmqCluster",
					"Keycloak", "KeycloakRealmImport");
		assertThat(Manifests.ofKind(objects, "Deployment")).extracting((d) -> d.path("metadata").path("name").asString())
			.containsExactlyInAnyOrderElementsOf(SERVICES);
	}

	@Test
	void aMisspeltFieldOfADeploymentFailsValidation(@TempDir Path copy) throws IOException {
		Manifests.copyTree(K8S, copy);
		misspell(copy.resolve("base/gateway.yaml"), "readinessProbe:", "readinesProbe:");

		Map<String, List<String>> problems = Manifests.problems(render(copy, "prod"));

		assertThat(problems).containsOnlyKeys("apps/v1 Deployment/gateway");
		assertThat(problems.get("apps/v1 Deployment/gateway")).anySatisfy((problem) -> assertThat(problem)
			.contains("readinesProbe"));
	}

	@Test
	void aMisspeltFieldOfAnOperatorsResourceFailsValidation(@TempDir Path copy) throws IOException {
		Manifests.copyTree(K8S, copy);
		misspell(copy.resolve("base/rabbitmq.yaml"), "persistence:", "persistance:");
		misspell(copy.resolve("base/postgres.yaml"), "walStorage:", "walstorage:");

		Map<String, List<String>> problems = Manifests.problems(render(copy, "prod"));

		assertThat(problems).containsOnlyKeys("rabbitmq.com/v1beta1 RabbitmqCluster/childalert-rabbitmq",
				"postgresql.cnpg.io/v1 Cluster/childalert-postgres");
		assertThat(problems.get("rabbitmq.com/v1beta1 RabbitmqCluster/childalert-rabbitmq"))
			.anySatisfy((problem) -> assertThat(problem).contains("persistance"));
		assertThat(problems.get("postgresql.cnpg.io/v1 Cluster/childalert-postgres"))
			.anySatisfy((problem) -> assertThat(problem).contains("walstorage"));
	}

	@Test
	void aValueOfTheWrongTypeOrAKindWithoutASchemaFailsValidation() {
		List<JsonNode> objects = Manifests.parse("""
				apiVersion: policy/v1
				kind: PodDisruptionBudget
				metadata:
				  name: gateway
				spec:
				  maxUnavailable: [1]
				---
				apiVersion: v1
				kind: Secret
				metadata:
				  name: childalert-db-cases
				stringData:
				  password: committed
				""");

		Map<String, List<String>> problems = Manifests.problems(objects);

		assertThat(problems).containsOnlyKeys("policy/v1 PodDisruptionBudget/gateway", "v1 Secret/childalert-db-cases");
		assertThat(problems.get("v1 Secret/childalert-db-cases")).singleElement()
			.satisfies((problem) -> assertThat(problem).startsWith("no schema for this kind"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void theRealmImportIsTheProductionRealmFileWithEveryPlaceholderFromASecret(String overlay) throws IOException {
		Path realmFile = Manifests.REPOSITORY.resolve("infra/keycloak/childalert-realm-production.json");
		JsonNode realmImport = Manifests.ofKind(render(K8S, overlay), "KeycloakRealmImport").get(0);

		assertThat(realmImport.path("spec").path("realm"))
			.as("spec.realm differs from %s: run python3 deploy/k8s/generate-realm-import.py", realmFile)
			.isEqualTo(Manifests.readJson(realmFile));
		TreeSet<String> placeholders = new TreeSet<>();
		Matcher matcher = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+)}").matcher(Files.readString(realmFile));
		while (matcher.find()) {
			placeholders.add(matcher.group(1));
		}
		assertThat(placeholders).isNotEmpty();
		assertThat(realmImport.path("spec").path("placeholders").propertyNames()).containsExactlyInAnyOrderElementsOf(placeholders);
		assertThat(realmImport.path("spec").path("keycloakCRName").asString())
			.isEqualTo(Manifests.ofKind(render(K8S, overlay), "Keycloak").get(0).path("metadata").path("name").asString());
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void secretsAreOnlyReferencedNeverWrittenIntoTheManifests(String overlay) {
		List<JsonNode> objects = render(K8S, overlay);
		Pattern secretName = Pattern.compile(".*(PASSWORD|SECRET|AUTH_TOKEN|ACCOUNT_SID|HASH_KEY).*");

		assertThat(Manifests.ofKind(objects, "Secret")).isEmpty();
		List<String> inlined = new ArrayList<>();
		for (JsonNode deployment : Manifests.ofKind(objects, "Deployment")) {
			for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
				for (JsonNode env : container.path("env")) {
					String name = env.path("name").asString();
					if (secretName.matcher(name).matches() && !env.path("valueFrom").has("secretKeyRef")) {
						inlined.add(container.path("name").asString() + " " + name);
					}
				}
			}
		}
		for (JsonNode configMap : Manifests.ofKind(objects, "ConfigMap")) {
			configMap.path("data").propertyNames().stream()
				.filter((key) -> secretName.matcher(key).matches())
				.forEach((key) -> inlined.add(configMap.path("metadata").path("name").asString() + " " + key));
		}
		assertThat(inlined).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyServicePodIsLockedDownAndProbedOnItsManagementPort(String overlay) {
		Map<String, Integer> managementPorts = Map.of("gateway", 9080, "case-service", 9081, "alert-service", 9082,
				"notification-service", 9083);
		for (JsonNode deployment : Manifests.ofKind(render(K8S, overlay), "Deployment")) {
			JsonNode pod = deployment.path("spec").path("template").path("spec");
			String name = deployment.path("metadata").path("name").asString();
			assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).as(name).isFalse();
			assertThat(pod.path("serviceAccountName").asString()).as(name).isEqualTo(name);
			assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(name).isTrue();
			assertThat(pod.path("securityContext").path("seccompProfile").path("type").asString()).as(name)
				.isEqualTo("RuntimeDefault");
			JsonNode container = pod.path("containers").get(0);
			JsonNode security = container.path("securityContext");
			assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as(name).isTrue();
			assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).as(name).isFalse();
			assertThat(security.path("capabilities").path("drop").get(0).asString()).as(name).isEqualTo("ALL");
			assertThat(container.path("volumeMounts").get(0).path("mountPath").asString()).as(name).isEqualTo("/tmp");
			assertThat(pod.path("volumes").get(0).has("emptyDir")).as(name).isTrue();
			assertThat(container.path("resources").path("limits").path("memory"))
				.as(name + ": memory request = limit").isEqualTo(container.path("resources").path("requests").path("memory"));
			assertThat(container.path("ports")).anySatisfy((port) -> {
				assertThat(port.path("name").asString()).isEqualTo("management");
				assertThat(port.path("containerPort").asInt()).isEqualTo(managementPorts.get(name));
			});
			assertThat(container.path("readinessProbe").path("httpGet").path("path").asString()).as(name)
				.isEqualTo("/actuator/health/readiness");
			assertThat(container.path("livenessProbe").path("httpGet").path("path").asString()).as(name)
				.isEqualTo("/actuator/health/liveness");
			assertThat(container.path("readinessProbe").path("httpGet").path("port").asString()).isEqualTo("management");
			assertThat(container.path("env")).filteredOn((env) -> env.path("name").asString().endsWith("SERVER_ADDRESS"))
				.extracting((env) -> env.path("name").asString() + "=" + env.path("value").asString())
				.as(name).containsExactlyInAnyOrder("SERVER_ADDRESS=0.0.0.0", "MANAGEMENT_SERVER_ADDRESS=0.0.0.0");
		}
	}

	@Test
	void aMissingKubectlFailsWithAMessageSayingHowToInstallIt(@TempDir Path empty) {
		assertThatThrownBy(() -> Kubectl.locate(Map.of("PATH", empty.toString())))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("kubectl is not on the PATH")
			.hasMessageContaining("kubernetes-client");
	}

	private static List<JsonNode> render(Path k8s, String overlay) {
		return Manifests.parse(KUBECTL.kustomize(k8s.resolve("overlays").resolve(overlay)));
	}

	private static void misspell(Path file, String field, String misspelt) throws IOException {
		String text = Files.readString(file);
		assertThat(text).contains(field);
		Files.writeString(file, text.replaceFirst(Pattern.quote(field), Matcher.quoteReplacement(misspelt)));
	}

}
