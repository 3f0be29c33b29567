package org.yaohao.command.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.yaohao.security.Caller;

import java.util.List;

/** Lets a controller method take a {@link RequestOrigin} parameter, from the signed-in caller and the headers. */
@Configuration
class RequestOriginResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == RequestOrigin.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        return RequestOrigin.of(Caller.current().orElse(null), request.getHeader(RequestOrigin.CHANNEL_HEADER),
                request.getHeader(RequestOrigin.DISTRICT_HEADER), request.getHeader(RequestOrigin.ACTING_USER_HEADER));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }
}
