using System.Collections.Generic;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// Which call-graph nodes the handlers reach, and from which event sources. A worklist over a union of bit masks:
/// a node is revisited only when it gains a source bit, so the cost is linear in nodes plus edges (times the few source bits).
/// </summary>
internal sealed class Reachability
{
    public static readonly Reachability Empty = new(new Dictionary<FunctionKey, EventSources>());

    private readonly Dictionary<FunctionKey, EventSources> _reached;

    private Reachability(Dictionary<FunctionKey, EventSources> reached) => _reached = reached;

    public int Count => _reached.Count;

    /// <summary>True when <paramref name="key"/> runs on some handler's invocation path.</summary>
    public bool IsOnInvocationPath(FunctionKey key) => _reached.ContainsKey(key);

    /// <summary>The event sources whose handlers reach <paramref name="key"/>.</summary>
    public EventSources SourcesReaching(FunctionKey key) => _reached.TryGetValue(key, out var sources) ? sources : EventSources.None;

    public static Reachability Compute(IEnumerable<MemberFacts> facts)
    {
        var adjacency = new Dictionary<FunctionKey, List<FunctionKey>>();
        var reached = new Dictionary<FunctionKey, EventSources>();
        var work = new Stack<FunctionKey>();

        foreach (var member in facts)
        {
            foreach (var (from, to) in member.Edges)
            {
                if (!adjacency.TryGetValue(from, out var targets))
                {
                    targets = new List<FunctionKey>();
                    adjacency.Add(from, targets);
                }

                targets.Add(to);
            }

            foreach (var entry in member.Entries)
            {
                Mark(entry.Key, entry.Sources);
            }
        }

        while (work.Count > 0)
        {
            var node = work.Pop();
            if (!adjacency.TryGetValue(node, out var targets))
            {
                continue;
            }

            var sources = reached[node];
            foreach (var target in targets)
            {
                Mark(target, sources);
            }
        }

        return new Reachability(reached);

        void Mark(FunctionKey key, EventSources sources)
        {
            reached.TryGetValue(key, out var existing);
            var merged = existing | sources;
            if (merged != existing || !reached.ContainsKey(key))
            {
                reached[key] = merged;
                work.Push(key);
            }
        }
    }
}
