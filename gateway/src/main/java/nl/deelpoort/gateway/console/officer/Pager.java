package nl.deelpoort.gateway.console.officer;

/**
 * Where a page of results stands: items {@code first} to {@code last}, and whether pages come before
 * or after it. Nothing is cut off silently: when more results exist the page says so and offers the
 * next page, and where the service would refuse the next page (a search may not reach deeper than
 * {@code maxDepth} results) the page says that instead.
 *
 * @param page the page shown, from 0
 * @param first the number of the first item shown, from 1 (0 when the page is empty)
 */
record Pager(int page, int size, long first, long last, boolean hasMore, boolean nextAllowed) {

    static Pager of(int page, int size, int shown, boolean hasMore, long maxDepth) {
        long offset = (long) page * size;
        return new Pager(
                page,
                size,
                shown == 0 ? 0 : offset + 1,
                offset + shown,
                hasMore,
                hasMore && (long) (page + 1) * size <= maxDepth);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    /** More results exist than the service will page to: the filters must be narrowed. */
    public boolean beyondDepth() {
        return hasMore && !nextAllowed;
    }
}
