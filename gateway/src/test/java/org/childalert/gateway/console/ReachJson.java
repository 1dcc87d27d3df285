package org.childalert.gateway.console;

/** notification-service's answer to {@code POST /api/reach-estimates}, as its tests show it, for the console's tests. */
final class ReachJson {

    private ReachJson() {
    }

    /** 3 police contacts (SMS and email, French), 7 volunteers by SMS in Dutch and 2 by email in English. */
    static String estimate() {
        StringBuilder previews = new StringBuilder();
        String[][] languages = {
                {"nl", "VERMIST: Lina, 12 jaar. Rode jas. Laatst gezien Brussel-Noord. Bel 112.", "2", "GSM-7", "190",
                        "Vermist kind: Lina, 12 jaar", "Lina, 12 jaar, is vermist."},
                {"fr", "DISPARUE : Lina, 12 ans. Veste rouge. Vue à Bruxelles-Nord. Appelez le 112.", "1", "GSM-7", "84",
                        "Enfant disparu : Lina, 12 ans", "Lina, 12 ans, a disparu."},
                {"de", "VERMISST: Lina, 12 Jahre. Rote Jacke. Zuletzt Brüssel-Nord. Rufen Sie 112 an.", "1", "GSM-7", "80",
                        "Vermisstes Kind: Lina, 12 Jahre", "Lina, 12 Jahre, wird vermisst."},
                {"en", "MISSING: Lina, 12. Red jacket ♥. Last seen Brussels-North. Call 112.", "3", "UCS-2", "150",
                        "Missing child: Lina, 12", "Lina, 12, is missing."}};
        for (String[] l : languages) {
            previews.append(previews.isEmpty() ? "" : ",").append("""
                    {"language":"%s","sms":{"text":"%s","segments":%s,"encoding":"%s","characters":%s},
                     "email":{"subject":"%s","text":"%s","unsubscribeLink":"{unsubscribe link of each recipient}"}}"""
                    .formatted((Object[]) l));
        }
        return """
                {"recipients":{
                   "POLICE":{"SMS":{"nl":0,"fr":3,"de":0,"en":0},"EMAIL":{"nl":0,"fr":3,"de":0,"en":0}},
                   "VOLUNTEER":{"SMS":{"nl":7,"fr":0,"de":0,"en":0},"EMAIL":{"nl":0,"fr":0,"de":0,"en":2}}},
                 "total":15,"previews":[%s],"computedInMs":4}""".formatted(previews);
    }
}
