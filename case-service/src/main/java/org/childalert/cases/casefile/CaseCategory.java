package org.childalert.cases.casefile;

/** The disappearance categories the organisation counts every year. */
public enum CaseCategory {
    RUNAWAY,
    UNACCOMPANIED_MINOR,
    PARENTAL_ABDUCTION,
    CRIMINAL_ABDUCTION,
    LOST_OR_UNEXPLAINED
}
