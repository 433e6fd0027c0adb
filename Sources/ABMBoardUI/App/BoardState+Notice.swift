extension BoardState {
    /// Shows `text` in the status bar as a problem until the next key (e.g. a broken theme
    /// reported at start-up).
    public mutating func showProblem(_ text: String) {
        message = (text, true)
    }
}
