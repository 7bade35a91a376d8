package ua.hromada.crm.api;

/** A service's fee: free, a fixed amount, or a formula in words (e.g. «0,1 прожиткового мінімуму»). */
public enum FeeKind {
    FREE, AMOUNT, FORMULA
}
