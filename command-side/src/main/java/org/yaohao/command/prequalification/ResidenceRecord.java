package org.yaohao.command.prequalification;

import java.time.LocalDate;

/**
 * What the public-security registry knows of one person's standing in Beijing.
 *
 * @param beijingHukou              Beijing household registration (户籍)
 * @param workResidencePermit       Beijing work-residence permit (工作居住证)
 * @param residencePermitValidUntil last day of the Beijing residence permit (居住证), inclusive; {@code null} = none
 */
public record ResidenceRecord(boolean beijingHukou, boolean workResidencePermit, LocalDate residencePermitValidUntil) {
}
