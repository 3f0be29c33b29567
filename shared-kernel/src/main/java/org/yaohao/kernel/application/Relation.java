package org.yaohao.kernel.application;

/** A family member's relation to the main applicant; no other relation may join a family application. */
public enum Relation {
    SPOUSE, CHILD, PARENT, PARENT_IN_LAW;

    /** Generation offset from the main applicant: children one below, parents and parents-in-law one above. */
    public int generationOffset() {
        return switch (this) {
            case SPOUSE -> 0;
            case CHILD -> -1;
            case PARENT, PARENT_IN_LAW -> 1;
        };
    }
}
