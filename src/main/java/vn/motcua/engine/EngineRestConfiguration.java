package vn.motcua.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine REST API as Camunda ships it, plus one mapping: completing a task with a decision the
 * task does not accept answers 400 with the officer-readable reason, not 500.
 */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(DecisionRejectedMapper.class);
    }

    @Priority(1)
    public static class DecisionRejectedMapper implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof DecisionRejected rejected) {
                    ExceptionDto dto = new ExceptionDto();
                    dto.setType(DecisionRejected.class.getSimpleName());
                    dto.setMessage(rejected.getMessage());
                    return Response.status(Response.Status.BAD_REQUEST).entity(dto)
                            .type(MediaType.APPLICATION_JSON_TYPE).build();
                }
            }
            return ExceptionHandlerHelper.getInstance().getResponse(exception);
        }
    }
}
