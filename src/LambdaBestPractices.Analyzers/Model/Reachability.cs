using System.Collections.Generic;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// Which call-graph nodes the handlers reach, and from which event sources. A worklist over a union of bit masks:
/// a node is revisited only when it gains a source bit, so the cost is linear in nodes plus edges (times the few source bits).
/// <para>
/// Each node is hashed once, to a dense index; the graph is then held as arrays (compressed sparse rows) and the traversal
/// touches no hash table. The symbol-keyed lookups are the expensive part of this pass on a compiler's heap.
/// </para>
/// </summary>
internal sealed class Reachability
{
    public static readonly Reachability Empty = new(new Dictionary<FunctionKey, int>(), System.Array.Empty<EventSources>(), 0);

    private readonly Dictionary<FunctionKey, int> _index;
    private readonly EventSources[] _sources;

    private Reachability(Dictionary<FunctionKey, int> index, EventSources[] sources, int count)
    {
        _index = index;
        _sources = sources;
        Count = count;
    }

    /// <summary>How many nodes some handler reaches.</summary>
    public int Count { get; }

    /// <summary>True when <paramref name="key"/> runs on some handler's invocation path.</summary>
    public bool IsOnInvocationPath(FunctionKey key) => SourcesReaching(key) != EventSources.None;

    /// <summary>The event sources whose handlers reach <paramref name="key"/>.</summary>
    public EventSources SourcesReaching(FunctionKey key) => _index.TryGetValue(key, out var node) ? _sources[node] : EventSources.None;

    public static Reachability Compute(IEnumerable<MemberFacts> facts) => CallGraph.Build(facts).Reach(null);

    /// <summary>
    /// Reachability where <paramref name="isBarrier"/> nodes are never entered: neither they nor what only they reach run
    /// on the path (LBP202: a method marked <c>[Idempotent]</c> makes everything it calls safe to replay).
    /// </summary>
    public static Reachability Compute(IEnumerable<MemberFacts> facts, System.Func<FunctionKey, bool>? isBarrier) =>
        CallGraph.Build(facts).Reach(isBarrier);

    /// <summary>
    /// The call graph of a set of members, indexed once: each node hashed to a dense index, the edges as compressed sparse
    /// rows. Reachability with and without a barrier is read from the same graph, and a barrier that names no node of the
    /// graph gives the plain reachability without a second traversal.
    /// </summary>
    internal sealed class CallGraph
    {
        private readonly Dictionary<FunctionKey, int> _index;
        private readonly int[] _first;
        private readonly int[] _targets;
        private readonly (int Node, EventSources Sources)[] _entries;
        private Reachability? _plain;

        private CallGraph(Dictionary<FunctionKey, int> index, int[] first, int[] targets, (int Node, EventSources Sources)[] entries)
        {
            _index = index;
            _first = first;
            _targets = targets;
            _entries = entries;
        }

        public static CallGraph Build(IEnumerable<MemberFacts> facts)
        {
            // Sized once from a first count: over the whole compilation the tables hold hundreds of thousands of entries, and
            // growing them rehashed every key and copied every edge again at each doubling. A member's edges start at its own
            // node and mostly end at another member's, so there are about half as many nodes as edge ends plus entries.
            var members = facts as IReadOnlyCollection<MemberFacts> ?? new List<MemberFacts>(facts);
            var edgeCount = 0;
            var entryCount = 0;
            foreach (var member in members)
            {
                edgeCount += member.Edges.Length;
                entryCount += member.Entries.Length;
            }

            var index = new Dictionary<FunctionKey, int>(edgeCount + entryCount);
            var edgeFrom = new List<int>(edgeCount);
            var edgeTo = new List<int>(edgeCount);
            var entries = new List<(int Node, EventSources Sources)>(entryCount);

            foreach (var member in members)
            {
                foreach (var (from, to) in member.Edges)
                {
                    edgeFrom.Add(IndexOf(from));
                    edgeTo.Add(IndexOf(to));
                }

                foreach (var entry in member.Entries)
                {
                    // Entry points always carry a source (Unknown when their parameters name none).
                    entries.Add((IndexOf(entry.Key), entry.Sources));
                }
            }

            // Compressed sparse rows: the targets of node n are targets[first[n] .. first[n + 1]).
            var nodeCount = index.Count;
            var first = new int[nodeCount + 1];
            foreach (var from in edgeFrom)
            {
                first[from + 1]++;
            }

            for (var n = 0; n < nodeCount; n++)
            {
                first[n + 1] += first[n];
            }

            var targets = new int[edgeTo.Count];
            var next = (int[])first.Clone();
            for (var e = 0; e < edgeFrom.Count; e++)
            {
                targets[next[edgeFrom[e]]++] = edgeTo[e];
            }

            return new CallGraph(index, first, targets, entries.ToArray());

            int IndexOf(FunctionKey key)
            {
                if (!index.TryGetValue(key, out var node))
                {
                    node = index.Count;
                    index.Add(key, node);
                }

                return node;
            }
        }

        /// <summary>Reachability from the entry points; <paramref name="isBarrier"/> nodes (if given) are never entered.</summary>
        public Reachability Reach(System.Func<FunctionKey, bool>? isBarrier)
        {
            bool[]? barriers = null;
            if (isBarrier is not null)
            {
                foreach (var pair in _index)
                {
                    if (isBarrier(pair.Key))
                    {
                        (barriers ??= new bool[_index.Count])[pair.Value] = true;
                    }
                }
            }

            if (barriers is null)
            {
                return _plain ??= Traverse(null);
            }

            return Traverse(barriers);
        }

        private Reachability Traverse(bool[]? barriers)
        {
            var first = _first;
            var targets = _targets;
            var sources = new EventSources[_index.Count];
            var reached = 0;
            var work = new Stack<int>();
            foreach (var (node, entrySources) in _entries)
            {
                Mark(node, entrySources);
            }

            while (work.Count > 0)
            {
                var node = work.Pop();
                var nodeSources = sources[node];
                for (var t = first[node]; t < first[node + 1]; t++)
                {
                    Mark(targets[t], nodeSources);
                }
            }

            return new Reachability(_index, sources, reached);

            void Mark(int node, EventSources added)
            {
                if (barriers is not null && barriers[node])
                {
                    return;
                }

                var existing = sources[node];
                var merged = existing | added;
                if (merged != existing)
                {
                    if (existing == EventSources.None)
                    {
                        reached++;
                    }

                    sources[node] = merged;
                    work.Push(node);
                }
            }
        }
    }
}
