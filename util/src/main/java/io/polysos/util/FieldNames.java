package io.polysos.util;

import java.util.Collection;

/**
 * Messages for unknown field names in input files: the known names and, when one is close
 * (edit distance at most 2, or a case-only difference), which one was probably meant.
 */
public final class FieldNames {

    private FieldNames() {
    }

    /**
     * @param name the unknown name
     * @param known the known names, in the order to list them
     * @return "unknown field 'subjecTo' (did you mean 'subjectTo'? known: format, name, ...)"
     */
    public static String unknownField(String name, Collection<String> known) {
        String close = closest(name, known);
        return "unknown field '" + name + "' (" + (close == null ? "" : "did you mean '" + close + "'? ")
                + "known: " + String.join(", ", known) + ")";
    }

    /** @return the known name closest to name if it is close enough to be a typo, else null */
    public static String closest(String name, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = k.equalsIgnoreCase(name) ? 0 : distance(name, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        int allowed = Math.min(2, Math.max(1, name.length() / 3));
        return bestDistance <= allowed ? best : null;
    }

    /** Optimal string alignment distance (insertions, deletions, substitutions, transpositions). */
    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2 || a.length() > 200 || b.length() > 200) {
            return Integer.MAX_VALUE;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
