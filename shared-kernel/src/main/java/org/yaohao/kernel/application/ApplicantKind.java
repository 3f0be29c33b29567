package org.yaohao.kernel.application;

/** Who applies (rule book, Applicants). */
public enum ApplicantKind {
    INDIVIDUAL, FAMILY, ENTERPRISE
}
