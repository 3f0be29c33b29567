package org.yaohao.kernel.application;

/** A member of a family application other than the main applicant. */
public record FamilyMember(Person person, Relation relation) {
}
