package dev.doppel.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Makes {@code /q/openapi} exact where annotations alone would repeat themselves on every endpoint (registered with
 * {@code mp.openapi.filter}). The UI's types are generated from this document, so what it says is what the UI may
 * rely on:
 * <ul>
 * <li>every 4xx and 5xx answer is {@code application/problem+json} with the {@link Problem} schema, because
 * {@code ProblemMappers} and {@code ProblemException} turn every error into one;</li>
 * <li>every property of a schema that a 2xx answer carries is {@code required}: Jackson writes every field of our
 * response records, null or not (no global inclusion setting, no {@code @JsonInclude} on them), so a field that
 * can be null says so with {@code nullable} on the record component instead of being left out. Request bodies keep
 * their optional fields.</li>
 * </ul>
 */
public class OpenApiContract implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String VIOLATION = "ProblemViolation";
    private static final String REF_PREFIX = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(VIOLATION, violationSchema()).addSchema(PROBLEM, problemSchema());
        List<Schema> responseBodies = new ArrayList<>();
        forEachResponse(openAPI, (code, response) -> {
            if (isError(code)) {
                response.setContent(problemContent());
            } else if (code.startsWith("2") && response.getContent() != null
                    && response.getContent().getMediaTypes() != null) {
                response.getContent().getMediaTypes().values().stream().map(MediaType::getSchema)
                        .filter(s -> s != null).forEach(responseBodies::add);
            }
        });
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        for (String name : reachable(responseBodies, schemas)) {
            Schema schema = schemas.get(name);
            if (!name.equals(PROBLEM) && schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
        }
    }

    private static boolean isError(String code) {
        return code.startsWith("4") || code.startsWith("5");
    }

    private static void forEachResponse(OpenAPI openAPI, ResponseVisitor visitor) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                    continue;
                }
                operation.getResponses().getAPIResponses().forEach(visitor::visit);
            }
        }
    }

    private interface ResponseVisitor {
        void visit(String code, APIResponse response);
    }

    /** The names of the component schemas these schemas use, directly or through others. */
    static Set<String> reachable(List<Schema> roots, Map<String, Schema> components) {
        Set<String> names = new LinkedHashSet<>();
        List<Schema> todo = new ArrayList<>(roots);
        while (!todo.isEmpty()) {
            Schema schema = todo.remove(todo.size() - 1);
            String ref = schema.getRef();
            if (ref != null && ref.startsWith(REF_PREFIX)) {
                String name = ref.substring(REF_PREFIX.length());
                if (names.add(name) && components.containsKey(name)) {
                    todo.add(components.get(name));
                }
            }
            forEachChild(schema, todo::add);
        }
        return names;
    }

    private static void forEachChild(Schema schema, Consumer<Schema> action) {
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(action);
        }
        for (List<Schema> list : List.of(nullToEmpty(schema.getAllOf()), nullToEmpty(schema.getAnyOf()),
                nullToEmpty(schema.getOneOf()))) {
            list.forEach(action);
        }
        if (schema.getItems() != null) {
            action.accept(schema.getItems());
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            action.accept(schema.getAdditionalPropertiesSchema());
        }
    }

    private static List<Schema> nullToEmpty(List<Schema> list) {
        return list == null ? List.of() : list;
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF_PREFIX + PROBLEM)));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
    }

    /** {@link Problem}, written by hand: its {@code NON_EMPTY} inclusion leaves out an empty detail and violations. */
    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("An RFC 9457 problem document: what every error answer carries")
                .addProperty("type", string("A URI naming the kind of problem; about:blank for plain HTTP errors"))
                .addProperty("title", string("The HTTP reason phrase"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                        .description("The HTTP status code"))
                .addProperty("detail", string("What went wrong, in a sentence a person can read"))
                .addProperty("violations", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref(REF_PREFIX + VIOLATION))
                        .description("The fields that were wrong (400); left out when there are none"))
                .required(List.of("type", "title", "status"));
    }

    private static Schema violationSchema() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("field", string("The field, e.g. email, options.maskErode or register.body.email"))
                .addProperty("message", string("What is wrong with it"))
                .required(List.of("field", "message"));
    }
}
