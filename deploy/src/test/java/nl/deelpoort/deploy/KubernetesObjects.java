package nl.deelpoort.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks rendered Kubernetes objects in two ways, because neither source of schemas checks
 * everything: the Kubernetes OpenAPI schemas (npm {@code kubernetes-models}, run by node) check types,
 * required fields and formats but let unknown fields through; fabric8's object model (Maven Central)
 * catches every field that is not in the API (a misspelt {@code livenessProbe}, a value put one level
 * too high), which lands in a model object's {@code additionalProperties}.
 */
final class KubernetesObjects {

    /** The kinds the chart may render, with the apiVersion each must have. */
    private static final Map<String, Class<? extends KubernetesResource>> KINDS = Map.of(
            "apps/v1/Deployment", Deployment.class,
            "v1/Service", Service.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private KubernetesObjects() {}

    /** The documents of a multi-document YAML stream, empty documents left out. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> parse(String yaml) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            if (document != null) {
                objects.add((Map<String, Object>) document);
            }
        }
        return objects;
    }

    static String name(Map<String, Object> object) {
        Object metadata = object.get("metadata");
        Object name = metadata instanceof Map<?, ?> m ? m.get("name") : null;
        return object.get("kind") + "/" + name;
    }

    /** Fields the Kubernetes API does not know, as {@code Kind/name: path.field}; empty when none. */
    static List<String> unknownFields(Map<String, Object> object) {
        String key = object.get("apiVersion") + "/" + object.get("kind");
        Class<? extends KubernetesResource> type = KINDS.get(key);
        if (type == null) {
            return List.of(name(object) + ": kind not known to the check (" + key + ")");
        }
        Object typed = MAPPER.convertValue(object, type);
        List<String> unknown = new ArrayList<>();
        walk(typed, name(object) + ": ", unknown);
        return unknown;
    }

    private static void walk(Object value, String path, List<String> unknown) {
        if (value == null) {
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, unknown));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class
                    || !getter.getName().startsWith("get")) {
                continue;
            }
            Object child = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(k -> unknown.add(path + (path.endsWith(" ") ? "" : ".") + k));
                }
            } else if (child != null && !(child instanceof Enum<?>)) {
                String field = Character.toLowerCase(getter.getName().charAt(3))
                        + getter.getName().substring(4);
                walk(child, path + (path.endsWith(" ") ? "" : ".") + field, unknown);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(getter + " on " + target.getClass(), e);
        }
    }

    /**
     * Runs the schema validator (src/test/k8s-schema/validate.mjs, installed by the build into
     * {@code target/k8s-schema}) on a rendered file.
     */
    static SchemaResult validateSchemas(Path rendered) throws IOException, InterruptedException {
        Path dir = Path.of(Objects.requireNonNull(
                System.getProperty("k8s-schema.dir"), "system property k8s-schema.dir (set by the pom)"));
        Process node = new ProcessBuilder(
                        "node", "validate.mjs", rendered.toAbsolutePath().toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!node.waitFor(60, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            throw new IllegalStateException("validate.mjs did not finish in 60 s");
        }
        return new SchemaResult(node.exitValue(), output);
    }

    record SchemaResult(int exitCode, String output) {}

    /** Objects by {@code Kind/name}, in document order. */
    static Map<String, Map<String, Object>> byName(List<Map<String, Object>> objects) {
        Map<String, Map<String, Object>> named = new LinkedHashMap<>();
        objects.forEach(o -> named.put(name(o), o));
        return named;
    }
}
