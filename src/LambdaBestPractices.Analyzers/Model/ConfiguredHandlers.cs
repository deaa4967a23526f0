using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// Handler methods named in configuration (<see cref="OptionKeys.HandlerMethods"/>), for entry points the model cannot
/// recognise by shape: a handler that takes no <c>ILambdaContext</c>, named only by the function's handler string.
/// Each entry is <c>Namespace.Type.Method</c> (every overload) or a documentation ID <c>M:Namespace.Type.Method(System.String)</c>.
/// </summary>
internal sealed class ConfiguredHandlers
{
    public static readonly ConfiguredHandlers None = new(ImmutableHashSet<string>.Empty);

    private readonly ImmutableHashSet<string> _names;

    private ConfiguredHandlers(ImmutableHashSet<string> names) => _names = names;

    public bool IsEmpty => _names.IsEmpty;

    /// <summary>Parses a <c>|</c>-separated list; blanks are ignored, and so is an empty or missing value.</summary>
    public static ConfiguredHandlers Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return None;
        }

        var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var part in value!.Split('|'))
        {
            var name = part.Trim();
            if (name.Length > 0)
            {
                names.Add(name);
            }
        }

        return names.Count == 0 ? None : new ConfiguredHandlers(names.ToImmutable());
    }

    public bool Contains(IMethodSymbol method)
    {
        if (_names.IsEmpty || method.GetDocumentationCommentId() is not { Length: > 2 } documentationId)
        {
            return false;
        }

        if (_names.Contains(documentationId))
        {
            return true;
        }

        // "M:Ns.Type.Method(...)" without its prefix and parameter list: the plain form, which names every overload.
        var parameters = documentationId.IndexOf('(');
        var plain = documentationId.Substring(2, (parameters < 0 ? documentationId.Length : parameters) - 2);
        return _names.Contains(plain);
    }
}
