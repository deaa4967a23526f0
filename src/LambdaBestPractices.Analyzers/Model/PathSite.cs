using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>A site whose diagnostic is fixed when it is found (message arguments, properties): reported wherever a handler reaches it.</summary>
internal sealed class PathSite : RuleSite
{
    public PathSite(FunctionKey function, Location location, ImmutableArray<object?> messageArguments, ImmutableDictionary<string, string?>? properties = null)
        : base(function, location)
    {
        MessageArguments = messageArguments;
        Properties = properties;
    }

    public ImmutableArray<object?> MessageArguments { get; }

    public ImmutableDictionary<string, string?>? Properties { get; }

    public override Diagnostic? CreateDiagnostic(DiagnosticDescriptor descriptor, EventSources reachingSources) =>
        reachingSources == EventSources.None
            ? null
            : Diagnostic.Create(descriptor, Location, Properties, MessageArguments.IsDefault ? null : System.Linq.ImmutableArrayExtensions.ToArray(MessageArguments));
}
