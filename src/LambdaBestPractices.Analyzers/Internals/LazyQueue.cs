using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace LambdaBestPractices.Analyzers.Internals;

/// <summary>
/// A per-type collection of candidates, filled from concurrent operation actions. Most types never get one, so the
/// <see cref="ConcurrentQueue{T}"/> (about a kilobyte with its first segment) is created with the first item.
/// </summary>
internal sealed class LazyQueue<T>
{
    private ConcurrentQueue<T>? _queue;

    public bool IsEmpty => Volatile.Read(ref _queue) is not { } queue || queue.IsEmpty;

    /// <summary>The items added so far (none when nothing was).</summary>
    public IEnumerable<T> Items => Volatile.Read(ref _queue) ?? Enumerable.Empty<T>();

    public void Add(T item) => LazyInitializer.EnsureInitialized(ref _queue, static () => new ConcurrentQueue<T>())!.Enqueue(item);
}
