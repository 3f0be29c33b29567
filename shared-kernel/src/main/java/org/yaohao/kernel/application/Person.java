package org.yaohao.kernel.application;

import org.yaohao.kernel.common.ResidentIdNumber;

/** A natural person named in an application. {@code toString()} never shows the raw ID number or phone. */
public record Person(ResidentIdNumber idNumber, String name, String phone) {

    @Override
    public String toString() {
        return "Person[" + idNumber.masked() + "]";
    }
}
