package ua.hromada.docsearch.ui;

/** A residents' page: open without sign-in, shown in the public frame, never in the menu. */
abstract class PublicContribution extends DocsearchContribution {

    @Override
    public boolean isPublic() {
        return true;
    }

    @Override
    public boolean inMenu() {
        return false;
    }

    @Override
    public String requiredPermission() {
        return null;
    }
}
