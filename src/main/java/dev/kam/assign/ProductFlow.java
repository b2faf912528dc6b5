package dev.kam.assign;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The best product offer for fixed leads, exactly: a maximum-value b-matching between products
 * (capacity) and covered accounts (at most maxProductsPerAccount), solved as a min-cost flow by
 * successive shortest paths (Bellman–Ford / SPFA), augmenting while a path still adds value.
 * Used when the instance is small enough; {@link ArraySearch#offerProducts} (greedy) otherwise.
 */
final class ProductFlow {
    /** Above this many pairs the greedy offer is used (the flow is O(flow · nodes · edges) in the worst case). */
    static final int MAX_PAIRS = 20_000;

    private ProductFlow() {
    }

    static boolean[] offer(Coefficients t, int[] choice) {
        if (t.pairs() > MAX_PAIRS) return ArraySearch.offerProducts(t, choice);
        int np = t.products, na = t.accounts;
        int source = 0, sink = 1 + np + na, nodes = sink + 1;
        int maxEdges = 2 * (np + na + t.pairs());
        int[] to = new int[maxEdges], cap = new int[maxEdges], next = new int[maxEdges], pairOf = new int[maxEdges];
        long[] cost = new long[maxEdges];
        int[] head = new int[nodes];
        Arrays.fill(head, -1);
        int[] e = {0};
        Edge add = (u, v, c, w, q) -> {
            to[e[0]] = v; cap[e[0]] = c; cost[e[0]] = w; pairOf[e[0]] = q; next[e[0]] = head[u]; head[u] = e[0]++;
            to[e[0]] = u; cap[e[0]] = 0; cost[e[0]] = -w; pairOf[e[0]] = -1; next[e[0]] = head[v]; head[v] = e[0]++;
        };
        for (int p = 0; p < np; p++) add.add(source, 1 + p, t.productCapacity[p], 0, -1);
        for (int a = 0; a < na; a++) {
            if (choice[a] < 0) continue;
            boolean any = false;
            for (int q = t.pairStart[a]; q < t.pairStart[a + 1]; q++) {
                long v = t.pairValue(q, choice[a]);
                if (v <= 0) continue;
                add.add(1 + t.pairProduct[q], 1 + np + a, 1, -v, q);
                any = true;
            }
            if (any) add.add(1 + np + a, sink, t.maxProductsPerAccount, 0, -1);
        }
        long[] dist = new long[nodes];
        int[] via = new int[nodes];
        boolean[] queued = new boolean[nodes];
        while (true) {
            Arrays.fill(dist, Long.MAX_VALUE);
            Arrays.fill(via, -1);
            dist[source] = 0;
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(source);
            queued[source] = true;
            while (!queue.isEmpty()) {
                int u = queue.poll();
                queued[u] = false;
                for (int k = head[u]; k >= 0; k = next[k]) {
                    if (cap[k] > 0 && dist[u] + cost[k] < dist[to[k]]) {
                        dist[to[k]] = dist[u] + cost[k];
                        via[to[k]] = k;
                        if (!queued[to[k]]) {
                            queued[to[k]] = true;
                            queue.add(to[k]);
                        }
                    }
                }
            }
            if (dist[sink] == Long.MAX_VALUE || dist[sink] >= 0) break;
            int flow = Integer.MAX_VALUE;
            for (int v = sink; v != source; v = to[via[v] ^ 1]) flow = Math.min(flow, cap[via[v]]);
            for (int v = sink; v != source; v = to[via[v] ^ 1]) {
                cap[via[v]] -= flow;
                cap[via[v] ^ 1] += flow;
            }
        }
        boolean[] offered = new boolean[t.pairs()];
        for (int k = 0; k < e[0]; k += 2) {
            if (pairOf[k] >= 0 && cap[k] == 0) offered[pairOf[k]] = true;
        }
        return offered;
    }

    private interface Edge {
        void add(int u, int v, int cap, long cost, int pair);
    }
}
