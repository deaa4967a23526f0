using Microsoft.CodeAnalysis;

namespace LambdaBestPractices.Analyzers.Internals;

internal static class SymbolExtensions
{
    /// <summary>
    /// The symbol that identifies a member in the call graph: the original definition of a generic member,
    /// the static form of a reduced extension method, and the defining declaration of a partial method.
    /// </summary>
    public static ISymbol NormalizeMember(this ISymbol symbol) =>
        symbol is IMethodSymbol method ? method.NormalizeMember() : symbol.OriginalDefinition;

    public static IMethodSymbol NormalizeMember(this IMethodSymbol method)
    {
        method = method.ReducedFrom ?? method;
        method = method.PartialDefinitionPart ?? method;
        return method.OriginalDefinition;
    }

    /// <summary>Compares a namespace with its dotted parts, without allocating a display string.</summary>
    public static bool IsNamespace(this INamespaceSymbol? ns, string[] parts)
    {
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            if (ns is null || ns.IsGlobalNamespace || ns.Name != parts[i])
            {
                return false;
            }

            ns = ns.ContainingNamespace;
        }

        return ns is null || ns.IsGlobalNamespace;
    }
}
