package org.yaohao.command.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.yaohao.command.web.Violations;
import org.yaohao.kernel.common.ErrorCode;

import java.util.List;

/**
 * What the embedded adapter "sent" to a phone: SMS and app pushes, oldest first. Exists only in embedded mode (there
 * is no real phone to look at); a real gateway has no such endpoint.
 */
@RestController
@ConditionalOnProperty(name = NotificationProperties.MODE, havingValue = "embedded", matchIfMissing = true)
class DevInboxController {

    record InboxView(String phone, List<DevInbox.Message> messages) {
    }

    private final DevInbox inbox;

    DevInboxController(DevInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping(path = "/api/dev/inbox/{phone}", produces = MediaType.APPLICATION_JSON_VALUE)
    InboxView inbox(@PathVariable String phone) {
        Violations v = new Violations();
        if (!phone.matches("\\+?\\d{5,20}")) {
            v.add("phone", ErrorCode.INVALID_VALUE, "'phone' is a phone number of 5 to 20 digits");
        }
        v.throwIfAny();
        return new InboxView(phone, inbox.messagesTo(phone));
    }
}
