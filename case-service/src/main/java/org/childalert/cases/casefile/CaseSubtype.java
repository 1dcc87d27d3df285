package org.childalert.cases.casefile;

/** The subtypes the organisation counts within a category (parental abduction: advice or actual abduction). */
public enum CaseSubtype {
    PREVENTIVE_ADVICE(CaseCategory.PARENTAL_ABDUCTION),
    ACTUAL_ABDUCTION(CaseCategory.PARENTAL_ABDUCTION);

    private final CaseCategory category;

    CaseSubtype(CaseCategory category) {
        this.category = category;
    }

    public CaseCategory category() {
        return category;
    }
}
