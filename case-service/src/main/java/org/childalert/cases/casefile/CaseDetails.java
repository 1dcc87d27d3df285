package org.childalert.cases.casefile;

import java.util.List;

/**
 * What the case file says beyond who and where: the subtype and destination of a parental abduction, the
 * reception centre of an unaccompanied minor, how to recognise the child, who else is involved, the risks,
 * and who reported the disappearance. Personal data here is erased when the retention period has passed.
 */
public record CaseDetails(
        CaseSubtype subtype,
        String destinationCountry,
        Boolean destinationInEurope,
        String receptionCentre,
        String description,
        String physicalDescription,
        String clothing,
        String vehicle,
        String suspect,
        List<RiskFactor> riskFactors,
        String reporterName,
        String reporterPhone) {

    public CaseDetails {
        riskFactors = riskFactors == null ? List.of() : List.copyOf(riskFactors);
    }

    static CaseDetails historic(CaseSubtype subtype, String destinationCountry) {
        return new CaseDetails(subtype, destinationCountry,
                destinationCountry == null ? null : Destinations.inEurope(destinationCountry),
                null, null, null, null, null, null, List.of(), null, null);
    }
}
