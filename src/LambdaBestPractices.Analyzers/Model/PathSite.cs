using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>A place a rule would report if its function runs on a handler's invocation path.</summary>
internal readonly struct PathSite
{
    public PathSite(FunctionKey function, Location location, ImmutableArray<object?> messageArguments, ImmutableDictionary<string, string?>? properties = null)
    {
        Function = function;
        Location = location;
        MessageArguments = messageArguments;
        Properties = properties;
    }

    public FunctionKey Function { get; }

    public Location Location { get; }

    public ImmutableArray<object?> MessageArguments { get; }

    public ImmutableDictionary<string, string?>? Properties { get; }
}
