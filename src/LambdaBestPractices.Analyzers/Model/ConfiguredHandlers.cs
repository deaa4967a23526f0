using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// Handler methods named outside the code, for entry points the model cannot recognise by shape (a handler that takes no
/// <c>ILambdaContext</c>, named only by the function's handler string), with the event sources named with them:
/// <list type="bullet">
/// <item>configuration (<see cref="OptionKeys.HandlerMethods"/>): each entry is <c>Namespace.Type.Method</c> (every
/// overload) or a documentation ID <c>M:Namespace.Type.Method(System.String)</c>; no sources;</item>
/// <item>the deployment files (<see cref="Deployment.DeploymentModel.Handlers"/>): <c>Namespace.Type.Method</c> with the
/// sources the template connects to the function.</item>
/// </list>
/// </summary>
internal sealed class ConfiguredHandlers
{
    public static readonly ConfiguredHandlers None = new(ImmutableDictionary<string, EventSources>.Empty, EventSources.None);

    private readonly ImmutableDictionary<string, EventSources> _names;

    // The methods' simple names: the model asks about every method it walks, and a documentation ID is a string built per
    // call, so it is built only for a method whose name is one of these.
    private readonly HashSet<string> _methodNames;

    private ConfiguredHandlers(ImmutableDictionary<string, EventSources> names, EventSources bootstrapSources)
    {
        _names = names;
        BootstrapSources = bootstrapSources;
        _methodNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names.Keys)
        {
            var end = name.IndexOf('(');
            var plain = end < 0 ? name : name.Substring(0, end);
            var dot = plain.LastIndexOf('.');
            var method = dot < 0 ? plain : plain.Substring(dot + 1);
            var arity = method.IndexOf('`');
            _methodNames.Add(arity < 0 ? method : method.Substring(0, arity));
        }
    }

    public bool IsEmpty => _names.IsEmpty;

    /// <summary>
    /// The sources a deployment file connects to a function whose handler is this project's executable assembly: they go
    /// to the handler passed to <c>LambdaBootstrapBuilder.Create</c> where its signature names none.
    /// </summary>
    public EventSources BootstrapSources { get; }

    /// <summary>Parses a <c>|</c>-separated list; blanks are ignored, and so is an empty or missing value.</summary>
    public static ConfiguredHandlers Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return None;
        }

        var names = ImmutableDictionary.CreateBuilder<string, EventSources>(StringComparer.Ordinal);
        foreach (var part in value!.Split('|'))
        {
            var name = part.Trim();
            if (name.Length > 0)
            {
                names[name] = EventSources.None;
            }
        }

        return names.Count == 0 ? None : new ConfiguredHandlers(names.ToImmutable(), EventSources.None);
    }

    /// <summary>The handlers of the deployment files: methods with their sources, and the executable's sources.</summary>
    public static ConfiguredHandlers FromDeployment(ImmutableDictionary<string, EventSources> handlers, EventSources bootstrapSources) =>
        handlers.IsEmpty && bootstrapSources == EventSources.None ? None : new ConfiguredHandlers(handlers.WithComparers(StringComparer.Ordinal), bootstrapSources);

    /// <summary>These handlers and <paramref name="other"/>'s (the deployment files'), sources joined where both name one.</summary>
    public ConfiguredHandlers With(ConfiguredHandlers other)
    {
        if (ReferenceEquals(other, None) || ReferenceEquals(other, this))
        {
            return this;
        }

        if (ReferenceEquals(this, None))
        {
            return other;
        }

        var names = _names.ToBuilder();
        foreach (var handler in other._names)
        {
            names[handler.Key] = (names.TryGetValue(handler.Key, out var known) ? known : EventSources.None) | handler.Value;
        }

        return new ConfiguredHandlers(names.ToImmutable(), BootstrapSources | other.BootstrapSources);
    }

    public bool Contains(IMethodSymbol method) => TryGetSources(method, out _);

    /// <summary>Whether <paramref name="method"/> is named, and the sources named with it (<see cref="EventSources.None"/>: none).</summary>
    public bool TryGetSources(IMethodSymbol method, out EventSources sources)
    {
        sources = EventSources.None;
        if (_names.IsEmpty || !_methodNames.Contains(method.Name) || method.GetDocumentationCommentId() is not { Length: > 2 } documentationId)
        {
            return false;
        }

        if (_names.TryGetValue(documentationId, out sources))
        {
            return true;
        }

        // "M:Ns.Type.Method(...)" without its prefix and parameter list: the plain form, which names every overload.
        var parameters = documentationId.IndexOf('(');
        var plain = documentationId.Substring(2, (parameters < 0 ? documentationId.Length : parameters) - 2);
        return _names.TryGetValue(plain, out sources);
    }
}
