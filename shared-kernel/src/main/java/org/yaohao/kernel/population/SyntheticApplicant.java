package org.yaohao.kernel.population;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaohao.kernel.application.ApplicantKind;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.application.RejectionReason;
import org.yaohao.kernel.common.Channel;
import org.yaohao.kernel.common.District;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * One synthetic application: who applies, for which quota type, through which channel ({@code district} is the
 * counter's for {@link Channel#COUNTER}, else null), and the reason pre-qualification is expected to reject it for
 * ({@code expectedRejection}, null when it is expected to pass). The expectation is the generator's intent; the
 * system decides from the registry data alone.
 */
public record SyntheticApplicant(int index, ApplicantKind kind, QuotaType quotaType, Channel channel, District district,
                                 SyntheticPerson applicant, List<SyntheticPerson> members, int generations,
                                 SyntheticEnterprise enterprise, RejectionReason expectedRejection) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public SyntheticApplicant {
        members = List.copyOf(members);
    }

    /** Whether pre-qualification is expected to pass. */
    public boolean expectedToPass() {
        return expectedRejection == null;
    }

    /** The body of {@code POST /api/applications} that submits this application. */
    public String requestJson() {
        ObjectNode body = JSON.createObjectNode();
        body.put("kind", kind.name());
        body.put("quotaType", quotaType.name());
        if (applicant != null) {
            ObjectNode person = body.putObject("applicant");
            person.put("idNumber", applicant.idNumber());
            person.put("name", applicant.name());
            person.put("phone", applicant.phone());
        }
        if (!members.isEmpty()) {
            ArrayNode list = body.putArray("members");
            for (SyntheticPerson member : members) {
                ObjectNode node = list.addObject();
                node.put("idNumber", member.idNumber());
                node.put("name", member.name());
                node.put("relation", member.relation().name());
            }
            body.put("generations", generations);
        }
        if (enterprise != null) {
            ObjectNode node = body.putObject("enterprise");
            node.put("creditCode", enterprise.creditCode());
            node.put("name", enterprise.name());
            node.put("taxPaidLastYearYuan", enterprise.taxPaidLastYearYuan());
            node.put("requestedQuotas", enterprise.requestedQuotas());
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() { // no personal data
        return "SyntheticApplicant[" + index + ", " + kind + ", " + quotaType + ", " + channel
               + (expectedRejection == null ? ", passes" : ", rejects " + expectedRejection) + "]";
    }
}
