package org.childalert.cases.importing;

import org.childalert.cases.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/imports/historic-cases")
class HistoricCaseImportController {

    private final HistoricCaseImport historicImport;

    HistoricCaseImportController(HistoricCaseImport historicImport) {
        this.historicImport = historicImport;
    }

    /** A CSV of past cases (see {@link HistoricCaseImport#COLUMNS}): 201 with the number imported, or 400 listing every problem. */
    @PostMapping(consumes = "text/csv")
    @ResponseStatus(HttpStatus.CREATED)
    ImportResult importCsv(@RequestBody String csv, Authentication authentication) {
        return new ImportResult(historicImport.importCsv(csv, Caller.from(authentication)));
    }

    record ImportResult(int imported) {
    }
}
