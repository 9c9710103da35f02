package io.remoteappmanager.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes the OpenAPI document ({@code /q/openapi}, Swagger UI at {@code /q/swagger-ui}) with what holds for the
 * whole API rather than for one method: the bearer token of {@code ram.api.token} ({@link ApiAccess}), needed by every
 * operation but the git webhook and the wake page ({@link TokenFilter}), and the failures any call can end in
 * ({@link ApiExceptionMapper}), each an {@link ApiError}. The failures of one operation alone are annotated on it.
 */
public class ApiDocumentFilter implements OASFilter {

    /** The security scheme's name in the document. */
    public static final String TOKEN = "token";

    private static final Map<String, String> ANY_CALL = Map.of(
            "401", "the API token is missing or wrong (ram.api.token)",
            "500", "a failure of the controller itself",
            "503", "the Docker engine is unreachable or failing");

    @Override
    public void filterOpenAPI(OpenAPI document) {
        if (document.getComponents() == null) {
            document.setComponents(OASFactory.createComponents());
        }
        document.getComponents().addSecurityScheme(TOKEN, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("ram.api.token, sent as 'Authorization: Bearer <token>'. When it is set, every write needs"
                        + " it, and every read too unless ram.api.token-for-reads=false; reading an app's logs always"
                        + " needs it. When it is not set, the API is open."));
        document.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(TOKEN));
        if (document.getComponents().getSchemas() == null || !document.getComponents().getSchemas().containsKey("ApiError")) {
            document.getComponents().addSchema("ApiError", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                    .addProperty("error", OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        if (document.getPaths() == null) {
            return;
        }
        document.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values().forEach(operation -> {
            if (path.equals(GitHookResource.PATH) || path.startsWith(WakeResource.PATH)) {
                operation.setSecurity(List.of()); // proven by its signature, or open to an idle app's users
            } else {
                addErrors(operation);
            }
        }));
    }

    private static void addErrors(Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        ANY_CALL.forEach((code, why) -> {
            if (!responses.hasAPIResponse(code)) {
                responses.addAPIResponse(code, OASFactory.createAPIResponse().description(why).content(
                        OASFactory.createContent().addMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON,
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("ApiError")))));
            }
        });
        operation.setResponses(responses);
    }
}
