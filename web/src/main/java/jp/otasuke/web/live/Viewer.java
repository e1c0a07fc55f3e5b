package jp.otasuke.web.live;

import jp.otasuke.contract.security.Roles;
import jp.otasuke.web.session.Person;

/** What one signed-in browser may be told: the SOC everything, an SME its tenant's, an engineer their jobs'. */
record Viewer(boolean soc, String tenantId, String engineerId) {

    static Viewer of(Person person) {
        return new Viewer(person.has(Roles.SOC_OPERATOR), person.has(Roles.SME_USER) ? person.tenantId().orElse(null) : null,
                person.has(Roles.FIELD_ENGINEER) ? person.engineerId().orElse(null) : null);
    }

    boolean sees(Notice notice) {
        return soc || (tenantId != null && tenantId.equals(notice.tenantId()))
                || (engineerId != null && engineerId.equals(notice.engineerId()));
    }
}
