package ua.hromada.opendata.service;

/**
 * The check digit of an 8-digit ЄДРПОУ code (the State Statistics methodology): the first seven
 * digits are weighted 1..7, or 7,1..6 for codes between 30 000 000 and 60 000 000; the sum mod 11
 * is the check digit; a remainder of 10 repeats the sum with every weight raised by 2, and a second
 * 10 gives 0.
 */
final class Edrpou {
    private Edrpou() {
    }

    static boolean valid(String code) {
        if (code == null || !code.matches("[0-9]{8}")) {
            return false;
        }
        return checkDigit(code) == code.charAt(7) - '0';
    }

    static int checkDigit(String code) {
        long value = Long.parseLong(code.substring(0, 8));
        boolean shifted = value >= 30_000_000L && value < 60_000_000L;
        int first = remainder(code, shifted, 0);
        if (first < 10) {
            return first;
        }
        int second = remainder(code, shifted, 2);
        return second < 10 ? second : 0;
    }

    private static int remainder(String code, boolean shifted, int extra) {
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            int weight = (shifted ? (i == 0 ? 7 : i) : i + 1) + extra;
            sum += (code.charAt(i) - '0') * weight;
        }
        return sum % 11;
    }
}
