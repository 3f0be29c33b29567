package org.yaohao.kernel.population;

import org.yaohao.kernel.application.Relation;

import java.time.LocalDate;

/**
 * A synthetic person named in an application: the applicant ({@code relation} null) or a family member. The phone is
 * given for applicants only. {@code registry} is null for a person unknown to every registry.
 */
public record SyntheticPerson(String idNumber, String name, String phone, LocalDate birthDate, Relation relation,
                              RegistryRecord registry) {

    /** The ID number as the public may see it (first 6 and last 4 characters). */
    public String maskedIdNumber() {
        return idNumber.substring(0, 6) + "********" + idNumber.substring(14);
    }

    @Override
    public String toString() { // never the ID number, name or phone in logs
        return "SyntheticPerson[" + maskedIdNumber() + (relation == null ? "" : ", " + relation) + "]";
    }
}
