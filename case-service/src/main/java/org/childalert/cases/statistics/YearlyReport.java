package org.childalert.cases.statistics;

import java.util.List;
import java.util.Map;

import org.childalert.cases.casefile.CaseCategory;
import org.childalert.cases.casefile.CaseSubtype;

/**
 * The figures the organisation publishes for a year, per category and subtype: cases opened that year,
 * distinct children, children with more than one case that year, the same for the year before, and the change
 * in percent (rounded to a whole number, as published; null when the year before had none). Plus how the
 * year's cases ended.
 */
record YearlyReport(int year, List<CategoryFigures> categories) {

    record Figures(long cases, long children, long repeatChildren) {
    }

    record CategoryFigures(CaseCategory category, long cases, long children, long repeatChildren, Figures previousYear,
                           Integer childrenChangePercent, Integer casesChangePercent, List<SubtypeFigures> subtypes,
                           Map<String, Long> outcomes) {
    }

    record SubtypeFigures(CaseSubtype subtype, long cases, long children, long repeatChildren, long withinEurope,
                          Figures previousYear, Integer childrenChangePercent, Integer casesChangePercent) {
    }
}
