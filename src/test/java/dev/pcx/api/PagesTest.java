package dev.pcx.api;

import dev.pcx.api.model.Link;
import dev.pcx.api.model.Links;
import dev.pcx.api.model.ResourceCollection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A walk fetches the next page while it hands out this one, and never a page nobody asked for. */
class PagesTest {
    /** Three pages of two items each: page n links to n + 1. */
    private static ResourceCollection<String> page(int n) {
        Links links = new Links();
        if (n < 3) {
            links.put("next", new Link("/customers?page=" + (n + 1), "GET", List.of()));
        }
        return new ResourceCollection<>(null, List.of(n + "a", n + "b"), links, null, null);
    }

    private static int number(ApiRequest request) {
        String target = request.target();
        return target.contains("page=") ? Integer.parseInt(target.substring(target.indexOf("page=") + 5)) : 1;
    }

    @Test
    void theNextPageIsFetchedWhileThisOnesItemsAreHandedOut() throws Exception {
        List<Integer> asked = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch secondAsked = new CountDownLatch(1);
        Pages<String> pages = new Pages<>(request -> {
            int n = number(request);
            asked.add(n);
            if (n == 2) {
                secondAsked.countDown();
            }
            return page(n);
        }, ApiRequest.get("customers").build());
        List<String> seen = new ArrayList<>();
        boolean more = pages.forEach(-1, item -> {
            if (item.equals("1a")) {
                // without a fetch ahead, page 2 is not asked for until this returns
                try {
                    assertTrue(secondAsked.await(10, TimeUnit.SECONDS), "page 2 was not fetched while page 1 was handed out");
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
            seen.add(item);
        });
        assertEquals(List.of("1a", "1b", "2a", "2b", "3a", "3b"), seen);
        assertEquals(List.of(1, 2, 3), asked, "each page once, in order");
        assertEquals(false, more);
    }

    @Test
    void theNextRequestGoesOutAsSoonAsThisPagesLinkIsReadBeforeItsItemsAreBound() throws Exception {
        CountDownLatch thirdAsked = new CountDownLatch(1);
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        Pages<String> pages = Pages.unbound(request -> {
            int n = number(request);
            events.add("fetch " + n);
            if (n == 3) {
                thirdAsked.countDown();
            }
            ResourceCollection<String> content = page(n);
            boolean[] bound = {false};
            return new Pages.Raw<String>() {
                @Override
                public Link next() {
                    return Pages.Raw.of(content).next();
                }

                @Override
                public int size() {
                    return content.items().size();
                }

                @Override
                public ResourceCollection<String> bind() {
                    if (n == 2) {
                        try {
                            assertTrue(thirdAsked.await(10, TimeUnit.SECONDS), "page 3 was not asked for before page 2 was bound");
                        } catch (InterruptedException e) {
                            throw new AssertionError(e);
                        }
                    }
                    if (!bound[0]) {
                        events.add("bind " + n); // the first time: asking again gives the same page
                        bound[0] = true;
                    }
                    return content;
                }
            };
        }, ApiRequest.get("customers").build());
        List<String> seen = new ArrayList<>();
        pages.forEach(-1, seen::add);
        assertEquals(List.of("1a", "1b", "2a", "2b", "3a", "3b"), seen);
        // the first page is bound at once (most listings have only one); from the second on, the
        // next request goes out before the items are bound
        assertEquals(List.of("fetch 1", "bind 1", "fetch 2", "fetch 3", "bind 2", "bind 3"), events);
    }

    @Test
    void oneAtATimeFetchesNothingAheadForWalksThatAlreadyRunSideBySide() {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        Pages<String> pages = new Pages<String>(request -> {
            events.add("fetch " + number(request));
            return page(number(request));
        }, ApiRequest.get("customers").build()).oneAtATime();
        pages.forEach(-1, item -> events.add(item));
        assertEquals(List.of("fetch 1", "1a", "1b", "fetch 2", "2a", "2b", "fetch 3", "3a", "3b"), events);
    }

    @Test
    void aLimitReachedOnThisPageFetchesNoFurtherPage() {
        List<Integer> asked = Collections.synchronizedList(new ArrayList<>());
        Pages<String> pages = new Pages<>(request -> {
            asked.add(number(request));
            return page(number(request));
        }, ApiRequest.get("customers").build());
        List<String> seen = new ArrayList<>();
        assertTrue(pages.forEach(2, seen::add), "there is more");
        assertEquals(List.of("1a", "1b"), seen);
        assertEquals(List.of(1), asked);

        asked.clear();
        Pages<String> three = new Pages<>(request -> {
            asked.add(number(request));
            return page(number(request));
        }, ApiRequest.get("customers").build());
        seen.clear();
        assertTrue(three.forEach(3, seen::add));
        assertEquals(List.of("1a", "1b", "2a"), seen);
        assertEquals(List.of(1, 2), asked, "page 3 is not needed for three items");
    }

    @Test
    void aFailedFetchAheadIsReportedWhenItsPageIsReachedAfterThisPageWasHandedOut() {
        Pages<String> pages = new Pages<>(request -> {
            if (number(request) == 2) {
                throw new TransportException("connection reset", "127.0.0.1", null);
            }
            return page(number(request));
        }, ApiRequest.get("customers").build());
        List<String> seen = new ArrayList<>();
        TransportException e = assertThrows(TransportException.class, () -> pages.forEach(-1, seen::add));
        assertTrue(e.getMessage().contains("connection reset"), e.getMessage());
        assertEquals(List.of("1a", "1b"), seen, "page 1 was handed out whole before the failure");
    }

    @Test
    void aReaderThatStopsCancelsTheFetchAhead() throws Exception {
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Pages<String> pages = new Pages<>(request -> {
            if (number(request) == 2) {
                fetching.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw new CancelledException(request.target(), e);
                }
            }
            return page(number(request));
        }, ApiRequest.get("customers").build());
        boolean more = pages.forEach(-1, item -> {
            try {
                assertTrue(fetching.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }, () -> false);
        assertEquals(false, more);
        assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the fetch of page 2 was not stopped");
    }
}
