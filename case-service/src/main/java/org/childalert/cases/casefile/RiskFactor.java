package org.childalert.cases.casefile;

/** What makes a disappearance more worrying; weighed when a coordinator considers an escalation. */
public enum RiskFactor {
    VERY_YOUNG,
    MEDICAL_NEEDS,
    MENTAL_HEALTH,
    SUICIDAL_THOUGHTS,
    SUBSTANCE_USE,
    RISK_OF_SEXUAL_EXPLOITATION,
    WITH_A_DANGEROUS_PERSON,
    REPEATED_DISAPPEARANCE
}
