package ua.hromada.oks.notify;

/** One e-mail: subject, plain text and the same as simple HTML. */
record Notice(String to, String subject, String text, String html) {
}
