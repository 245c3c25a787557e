package io.ratelink.infra;

import software.amazon.awscdk.assertions.Template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A synthesized template, with the look-ups the tests share: resources by type, a function's role, its statements. */
final class TemplateJson {

    /** One Allow statement of a role's policy, its actions flattened. */
    record Statement(Set<String> actions, Object resource) {

        boolean onResource(String logicalId) {
            return referencesResource(resource, logicalId);
        }

        boolean onIndexOf(String tableLogicalId) {
            return onResource(tableLogicalId) && String.valueOf(resource).contains("/index/");
        }
    }

    private final Template template;
    private final Map<String, Object> json;

    TemplateJson(Template template) {
        this.template = template;
        this.json = template.toJSON();
    }

    Template template() {
        return template;
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> resources(String type) {
        Map<String, Map<String, Object>> matching = new LinkedHashMap<>();
        ((Map<String, Object>) json.get("Resources")).forEach((id, resource) -> {
            Map<String, Object> body = (Map<String, Object>) resource;
            if (type.equals(body.get("Type"))) {
                matching.put(id, body);
            }
        });
        return matching;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
    }

    /** The one resource of the type whose logical id starts with the construct id (CDK appends a hash). */
    String logicalId(String type, String constructIdPrefix) {
        List<String> ids = resources(type).keySet().stream().filter(id -> id.startsWith(constructIdPrefix)).toList();
        if (ids.size() != 1) {
            throw new AssertionError("Expected one " + type + " named " + constructIdPrefix + "*, found " + ids);
        }
        return ids.get(0);
    }

    Map<String, Object> resource(String type, String constructIdPrefix) {
        return resources(type).get(logicalId(type, constructIdPrefix));
    }

    /** The Lambda function the stack builds as {@code <name>Function}: Http, Recompute, Notify or Escalate. */
    Map<String, Object> function(String name) {
        return properties(resource("AWS::Lambda::Function", name + "Function"));
    }

    String functionId(String name) {
        return logicalId("AWS::Lambda::Function", name + "Function");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> environment(String functionName) {
        Map<String, Object> environment = (Map<String, Object>) function(functionName).get("Environment");
        return (Map<String, Object>) environment.get("Variables");
    }

    @SuppressWarnings("unchecked")
    String roleIdOf(String functionName) {
        Map<String, Object> role = (Map<String, Object>) function(functionName).get("Role");
        return ((List<String>) role.get("Fn::GetAtt")).get(0);
    }

    /** Every statement of every policy attached to the function's role. */
    @SuppressWarnings("unchecked")
    List<Statement> statementsOf(String functionName) {
        String roleId = roleIdOf(functionName);
        List<Statement> statements = new ArrayList<>();
        resources("AWS::IAM::Policy").values().stream()
                .map(TemplateJson::properties)
                .filter(policy -> ((List<Object>) policy.get("Roles")).contains(Map.of("Ref", roleId)))
                .forEach(policy -> {
                    Map<String, Object> document = (Map<String, Object>) policy.get("PolicyDocument");
                    for (Object raw : (List<Object>) document.get("Statement")) {
                        Map<String, Object> statement = (Map<String, Object>) raw;
                        if (!"Allow".equals(statement.get("Effect"))) {
                            throw new AssertionError("Only Allow statements are expected: " + statement);
                        }
                        Object action = statement.get("Action");
                        Set<String> actions = new TreeSet<>(action instanceof List<?> list ? (List<String>) list : List.of((String) action));
                        Object resource = statement.get("Resource");
                        for (Object each : resource instanceof List<?> list ? list : List.of(resource)) {
                            statements.add(new Statement(actions, each));
                        }
                    }
                });
        return statements;
    }

    /** The actions the function may take on the resource: union over its statements. */
    Set<String> actionsOn(String functionName, String logicalId) {
        Set<String> actions = new TreeSet<>();
        statementsOf(functionName).stream()
                .filter(statement -> statement.onResource(logicalId) && !statement.onIndexOf(logicalId)
                        && !String.valueOf(statement.resource()).contains("StreamArn"))
                .forEach(statement -> actions.addAll(statement.actions()));
        return actions;
    }

    Set<String> actionsOnIndexesOf(String functionName, String tableLogicalId) {
        Set<String> actions = new TreeSet<>();
        statementsOf(functionName).stream()
                .filter(statement -> statement.onIndexOf(tableLogicalId))
                .forEach(statement -> actions.addAll(statement.actions()));
        return actions;
    }

    /** Whether a CloudFormation expression (Ref, Fn::GetAtt, Fn::Join ...) points at the logical id. */
    static boolean referencesResource(Object expression, String logicalId) {
        if (expression instanceof Map<?, ?> map) {
            if (logicalId.equals(map.get("Ref"))) {
                return true;
            }
            if (map.get("Fn::GetAtt") instanceof List<?> getAtt && logicalId.equals(getAtt.get(0))) {
                return true;
            }
            return map.values().stream().anyMatch(value -> referencesResource(value, logicalId));
        }
        if (expression instanceof List<?> list) {
            return list.stream().anyMatch(value -> referencesResource(value, logicalId));
        }
        return false;
    }

    /** The logical id of the table built from the spec of this name. */
    String tableId(String specName) {
        return logicalId("AWS::DynamoDB::Table", "Tables" + specName);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> json() {
        return json;
    }
}
